// The header search box on Pagefind's index (built by overrides/hooks/search.py).
//
// Material's own search downloads the whole index before the first result;
// Pagefind fetches only the fragments a query needs. Results are rendered in
// Material's result markup (.md-search-result__item …) so that they look the
// same. Text from the index is only ever inserted as text: an excerpt's
// <mark> elements are made here, not parsed from the index.

const root = document.querySelector(".md-search[data-pagefind-search]")
const toggle = document.getElementById("__search")

if (root && toggle) {
  const input = root.querySelector(".md-search__input")
  const meta = root.querySelector(".md-search-result__meta")
  const list = root.querySelector(".md-search-result__list")
  const scroll = root.querySelector(".md-search__scrollwrap")
  const t = JSON.parse(root.dataset.translations)
  let base = root.dataset.base || "/"
  if (!base.endsWith("/")) base += "/"
  const site = new URL(base, document.baseURI)
  const PAGE = 10
  const SUB_RESULTS = 3

  let engine = null
  let shown = { results: [], count: 0, query: "" }

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", site).href).then(async (pagefind) => {
        await pagefind.options({ baseUrl: site.pathname, excerptLength: 36 })
        await pagefind.init()
        return pagefind
      })
      engine.catch(() => {
        engine = null
        meta.textContent = t.failed
      })
    }
    return engine
  }

  // "…<mark>协商</mark>…" → text nodes and <mark> elements; whatever the
  // index holds, nothing in it becomes markup.
  function excerpt(html) {
    const p = document.createElement("p")
    const parser = new DOMParser()
    html.split(/(<mark>|<\/mark>)/).reduce((inMark, part) => {
      if (part === "<mark>") return true
      if (part === "</mark>") return false
      const text = parser.parseFromString(part, "text/html").body.textContent
      if (text) {
        if (inMark) {
          const mark = document.createElement("mark")
          mark.textContent = text
          p.append(mark)
        } else {
          p.append(text)
        }
      }
      return inMark
    }, false)
    return p
  }

  function link(href, article) {
    const a = document.createElement("a")
    a.className = "md-search-result__link"
    a.href = href
    a.tabIndex = -1
    a.append(article)
    return a
  }

  function item(data) {
    const li = document.createElement("li")
    li.className = "md-search-result__item"
    const doc = document.createElement("article")
    doc.className = "md-search-result__article md-typeset md-search-result__article--document"
    const icon = document.createElement("div")
    icon.className = "md-search-result__icon md-icon"
    const h1 = document.createElement("h1")
    h1.textContent = (data.meta && data.meta.title) || data.url
    doc.append(icon, h1, excerpt(data.excerpt || ""))
    li.append(link(data.url, doc))
    // sections of the page, not its title (the <h1> has an anchor too)
    const subs = (data.sub_results || []).filter((s) => s.anchor && s.anchor.element !== "h1")
    for (const sub of subs.slice(0, SUB_RESULTS)) {
      const section = document.createElement("article")
      section.className = "md-search-result__article md-typeset"
      const h2 = document.createElement("h2")
      h2.textContent = sub.title
      section.append(h2, excerpt(sub.excerpt || ""))
      li.append(link(sub.url, section))
    }
    return li
  }

  function count(n) {
    if (n === 0) return t.none
    if (n === 1) return t.one
    return t.other.replace("#", n)
  }

  // The next PAGE results: their fragments are fetched at once, and each
  // is shown as soon as it and those before it are in, so the first result
  // does not wait for the tenth.
  let appending = null // the query whose results are being appended
  async function more() {
    const query = shown.query
    if (appending === query) return
    const start = list.children.length
    const next = shown.results.slice(start, start + PAGE)
    if (!next.length) return
    appending = query
    try {
      const pending = next.map((r) => r.data())
      for (const data of pending) {
        const loaded = await data
        if (query !== shown.query) return
        list.append(item(loaded))
      }
    } finally {
      if (appending === query) appending = null
    }
  }

  async function search() {
    const query = input.value.trim()
    if (!query) {
      shown = { results: [], count: 0, query: "" }
      meta.textContent = t.placeholder
      list.replaceChildren()
      return
    }
    const pagefind = await load()
    // an input method commits a word at once; the short wait only spares
    // the index while someone types letter by letter
    const found = await pagefind.debouncedSearch(query, {}, 60)
    // null: a later keystroke started another search
    if (found === null || input.value.trim() !== query) return
    shown = { results: found.results, count: found.results.length, query }
    list.replaceChildren()
    await more()
    if (shown.query === query) meta.textContent = count(shown.count)
  }

  function open() {
    if (!toggle.checked) toggle.checked = true
    input.focus()
    load()
  }

  function close() {
    toggle.checked = false
    input.blur()
  }

  toggle.addEventListener("change", () => (toggle.checked ? open() : input.blur()))
  input.addEventListener("focus", () => {
    if (!toggle.checked) toggle.checked = true
    load()
  })
  input.addEventListener("input", search)
  root.querySelector("form").addEventListener("submit", (ev) => {
    ev.preventDefault()
    const first = list.querySelector("a")
    if (first) first.click()
  })
  root.querySelector("button[type=reset]").addEventListener("click", () => {
    setTimeout(() => {
      search()
      input.focus()
    })
  })
  scroll.addEventListener("scroll", () => {
    if (scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 200) more()
  })

  document.addEventListener("keydown", (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return
    const typing = ev.target instanceof HTMLElement && ev.target.closest("input, textarea, select, [contenteditable]")
    if (!toggle.checked) {
      if (!typing && ["/", "s", "f"].includes(ev.key)) {
        ev.preventDefault()
        open()
      }
      return
    }
    const links = [...list.querySelectorAll(".md-search-result__link")]
    const at = links.indexOf(document.activeElement)
    if (ev.key === "Escape") {
      ev.preventDefault()
      close()
    } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!links.length) return
      ev.preventDefault()
      const step = ev.key === "ArrowDown" ? 1 : -1
      const next = at === -1 ? (step === 1 ? 0 : links.length - 1) : at + step
      if (next < 0 || next >= links.length) input.focus()
      else links[next].focus()
    }
  })

  const query = new URLSearchParams(location.search).get("q")
  if (query) {
    // the result line says 正在初始化 until the results are in
    input.value = query
    open()
    search()
  } else {
    meta.textContent = t.placeholder
  }
}
