// Site search on the Pagefind JS API (includes/search.html holds the markup).
//
// Each edition has its own index, SITEURL/pagefind/ (plugins/digest_search).
// An edition in another language than the first also searches the first
// edition's index, with its own base URL, so a Chinese query on an English
// page finds the English page of the article. The two indexes can hold the
// same article (a number or "AI" is in both languages): results are merged
// by URL, best score first.
//
// Paths are made absolute from the page's address: Pagefind takes the folder
// holding its bundle as the base of result URLs, so relative URLs and a site
// under a sub-path both work. Result text is copied as text; of Pagefind's
// excerpt HTML only <mark> survives.

const MAX_RESULTS = 20;
const DEBOUNCE_MS = 250;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

const box = document.getElementById("search");
const input = box.querySelector("input[type=search]");
const status = box.querySelector(".search-status");
const list = box.querySelector(".search-results");
const path = (url) => new URL(url, document.baseURI).pathname;
const say = (template, query) => template.replace("{query}", query);

async function loadPagefind() {
  const pagefind = await import(path(box.dataset.bundle) + "pagefind.js");
  if (box.dataset.mergeBundle) {
    await pagefind.mergeIndex(path(box.dataset.mergeBundle),
                              {language: box.dataset.mergeLang, baseUrl: path(box.dataset.mergeBase)});
  }
  await pagefind.init();
  return pagefind;
}

function markedText(html) {
  // Pagefind's excerpt as nodes: text, and <mark> around the matched words.
  const out = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  for (const node of parsed.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function resultItem(data) {
  const item = document.createElement("li");
  const title = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  if (box.dataset.sourceLang && CJK.test(link.textContent)) link.lang = box.dataset.sourceLang;
  title.append(link);
  const excerpt = document.createElement("p");
  excerpt.append(markedText(data.excerpt));
  if (box.dataset.sourceLang && CJK.test(excerpt.textContent)) excerpt.lang = box.dataset.sourceLang;
  item.append(title, excerpt);
  return item;
}

async function run(query) {
  const pagefind = await ready;
  const search = await pagefind.debouncedSearch(query, {}, DEBOUNCE_MS);
  if (search === null) return; // a newer query has started
  const seen = new Set();
  const items = [];
  for (const result of search.results) {
    if (items.length >= MAX_RESULTS) break;
    const data = await result.data();
    if (seen.has(data.url)) continue;
    seen.add(data.url);
    items.push(resultItem(data));
  }
  if (input.value.trim() !== query) return; // typed on while we loaded
  list.replaceChildren(...items);
  status.textContent = say(items.length ? box.dataset.found : box.dataset.none, query);
}

function onInput() {
  const query = input.value.trim();
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  if (!query) {
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = say(box.dataset.searching, query);
  run(query).catch(() => { status.textContent = box.dataset.failed; });
}

// Listen at once: a reader may type while the index loads; run() waits for it.
const ready = loadPagefind();
input.addEventListener("input", onInput);
box.querySelector("form").addEventListener("submit", (event) => {
  event.preventDefault();
  onInput();
});
input.value = input.value || new URLSearchParams(window.location.search).get("q") || "";
if (input.value) onInput();
