// Site search on the Pagefind JS API (includes/search.html holds the markup).
//
// Each edition has its own index, SITEURL/pagefind/ (plugins/digest_search).
// An edition in another language than the first also searches the first
// edition's index, with its own base URL, so a Chinese query on an English
// page finds the English page of the article (shown with its English title,
// which Chinese pages carry as the `title_en` meta). The two indexes can hold
// the same article (a number or "AI" is in both languages): results are
// merged by URL, best score first.
//
// Traditional and regional forms: a query is also searched converted to
// Simplified (人工智慧 -> 人工智能, 資料 -> 数据) with the tables the build
// writes from OpenCC (data-variants; plugins/digest_search/variants.py):
// regional phrases longest first, then character by character.
//
// A result must contain the query (every word of one of its forms): Pagefind
// alone lets "hash" find "has".
//
// Snippets are cut from the result's text around the first place the query
// (or one of its forms) stands, and highlight it whole: a Chinese word as
// written, a Latin word only as a whole word. Pagefind's own excerpt is the
// fallback. Pagefind joins a heading to the next paragraph with ". "; after
// Chinese text that becomes "。".
//
// Paths are made absolute from the page's address: Pagefind takes the folder
// holding its bundle as the base of result URLs, so relative URLs and a site
// under a sub-path both work. Result text is only ever set as text.

const MAX_RESULTS = 20;
const DEBOUNCE_MS = 250;
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 110;

const box = document.getElementById("search");
// Han characters: digest.chardata.CJK_RANGES, written into data-han by the build (digest_search).
const HAN = box.dataset.han;
const CJK = new RegExp(`[${HAN}]`, "u");
const CJK_JOIN = new RegExp(`([${HAN}])\\. `, "gu");
// The space Pagefind puts between two Chinese paragraphs ("。 近期").
const CJK_GAP = new RegExp(`([\\u3000-\\u303f\\uff01-\\uff5e\\u201d\\u2019])\\s+(?=[${HAN}\\u201c\\u2018\\u3008-\\u3011])`, "gu");
const tidy = (text) => text.replace(CJK_JOIN, "$1。").replace(CJK_GAP, "$1");
const input = box.querySelector("input[type=search]");
const status = box.querySelector(".search-status");
const list = box.querySelector(".search-results");
const path = (url) => new URL(url, document.baseURI).pathname;
const say = (template, query) => template.replace("{query}", query);
const english = !document.documentElement.lang.startsWith("zh");

async function loadPagefind() {
  const pagefind = await import(path(box.dataset.bundle) + "pagefind.js");
  if (box.dataset.mergeBundle) {
    await pagefind.mergeIndex(path(box.dataset.mergeBundle),
                              {language: box.dataset.mergeLang, baseUrl: path(box.dataset.mergeBase)});
  }
  await pagefind.init();
  return pagefind;
}

async function loadVariants() {
  if (!box.dataset.variants) return null;
  try {
    const response = await fetch(path(box.dataset.variants));
    return response.ok ? await response.json() : null;
  } catch {
    return null; // search still works on the query as typed
  }
}

function simplifiedChars(text, tables) {
  let out = "";
  for (const ch of text) out += tables.chars[ch] || ch;
  return out;
}

function simplifiedPhrases(text, tables) {
  // Longest regional phrase first at each position, then the character.
  let longest = 0;
  for (const key in tables.phrases) longest = Math.max(longest, key.length);
  let out = "";
  for (let i = 0; i < text.length;) {
    let matched = false;
    for (let n = Math.min(longest, text.length - i); n >= 2; n--) {
      const piece = text.slice(i, i + n);
      if (tables.phrases[piece]) {
        out += tables.phrases[piece];
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += tables.chars[text[i]] || text[i];
      i += 1;
    }
  }
  return out;
}

function queryForms(query, tables) {
  const forms = [query];
  if (tables && CJK.test(query)) {
    for (const form of [simplifiedPhrases(query, tables), simplifiedChars(query, tables)]) {
      if (!forms.includes(form)) forms.push(form);
    }
  }
  return forms;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function termPattern(forms) {
  // Every word of every form; Latin words whole, Chinese ones as written.
  const terms = new Set();
  for (const form of forms) {
    for (const word of form.split(/\s+/)) if (word) terms.add(word);
  }
  const parts = [...terms].sort((a, b) => b.length - a.length).map((term) =>
    CJK.test(term) ? escapeRegExp(term) : `(?<![\\p{Script=Latin}\\p{N}])${escapeRegExp(term)}(?![\\p{Script=Latin}\\p{N}])`);
  return parts.length ? new RegExp(parts.join("|"), "giu") : null;
}

function stem(word) {
  // "policies" and "policy" both give "polic": a plural or -ing form still counts as the word.
  return word.toLowerCase().replace(/(?:ies|es|s|ing|ed|y)$/u, "");
}

function containsQuery(content, forms) {
  // Pagefind matches loosely (a query word may match a shorter or longer one:
  // "hash" finds "has"); a result must hold every word of one form of the
  // query: a Chinese word as written, a Latin one as a word of its own.
  const words = new Set((content.toLowerCase().match(/[\p{Script=Latin}\p{N}]+/gu) || []).map(stem));
  const lower = content.toLowerCase();
  return forms.some((form) => form.split(/\s+/).filter(Boolean).every((term) =>
    CJK.test(term) ? lower.includes(term.toLowerCase()) : words.has(stem(term)) || lower.includes(` ${term.toLowerCase()} `)));
}

function snippet(content, pattern, title) {
  // Text around the first match, with every match marked; null when there is none.
  // The title stands above the snippet already: a match after it is shown first.
  if (!pattern) return null;
  const whole = tidy(content);
  pattern.lastIndex = 0;
  const body = title && whole.startsWith(title) ? whole.slice(title.length).replace(/^[。.]?\s*/u, "") : "";
  const text = body && pattern.test(body) ? body : whole;
  pattern.lastIndex = 0;
  const first = pattern.exec(text);
  if (!first) return null;
  let start = Math.max(0, first.index - SNIPPET_BEFORE);
  if (start > 0 && !CJK.test(text[start])) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < first.index) start = space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length && !CJK.test(text[end])) {
    const space = text.lastIndexOf(" ", end);
    if (space > first.index + first[0].length) end = space;
  }
  const piece = text.slice(start, end);
  const out = document.createDocumentFragment();
  if (start > 0) out.append("…");
  let at = 0;
  pattern.lastIndex = 0;
  for (const match of piece.matchAll(pattern)) {
    out.append(piece.slice(at, match.index));
    const mark = document.createElement("mark");
    mark.textContent = match[0];
    out.append(mark);
    at = match.index + match[0].length;
  }
  out.append(piece.slice(at));
  if (end < text.length) out.append("…");
  return out;
}

function markedText(html) {
  // Pagefind's excerpt as nodes: text, and <mark> around the matched words.
  const out = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
  for (const node of parsed.childNodes) {
    const text = tidy(node.textContent);
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = text;
      out.append(mark);
    } else {
      out.append(document.createTextNode(text));
    }
  }
  return out;
}

function resultItem(data, pattern) {
  const item = document.createElement("li");
  const title = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = (english && data.meta.title_en) || data.meta.title || data.url;
  if (box.dataset.sourceLang && CJK.test(link.textContent)) link.lang = box.dataset.sourceLang;
  title.append(link);
  const excerpt = document.createElement("p");
  excerpt.append(snippet(data.content || "", pattern, data.meta.title) || markedText(data.excerpt));
  if (box.dataset.sourceLang && CJK.test(excerpt.textContent)) excerpt.lang = box.dataset.sourceLang;
  item.append(title, excerpt);
  return item;
}

let latest = 0;

async function run(query) {
  const ticket = ++latest;
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
  if (ticket !== latest) return; // a newer query has started
  const [pagefind, tables] = await Promise.all([ready, variants]);
  const forms = queryForms(query, tables);
  const searches = await Promise.all(forms.map((form) => pagefind.search(form)));
  if (ticket !== latest) return;
  const best = new Map();
  for (const search of searches) {
    for (const result of search.results) {
      const known = best.get(result.id);
      if (!known || result.score > known.score) best.set(result.id, result);
    }
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score);
  const pattern = termPattern(forms);
  const seen = new Set();
  const items = [];
  for (const result of ranked) {
    if (items.length >= MAX_RESULTS) break;
    const data = await result.data();
    if (seen.has(data.url) || !containsQuery(data.content || "", forms)) continue;
    seen.add(data.url);
    items.push(resultItem(data, pattern));
  }
  if (ticket !== latest || input.value.trim() !== query) return; // typed on while we loaded
  list.replaceChildren(...items);
  status.textContent = say(items.length ? box.dataset.found : box.dataset.none, query);
}

function keepQueryInLinks(query) {
  // The language switcher leads to the same search in the other edition.
  for (const link of document.querySelectorAll(".lang-switch a[href]")) {
    const url = new URL(link.getAttribute("href"), document.baseURI);
    if (!url.pathname.endsWith("/search.html")) continue;
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    link.href = url.href;
  }
}

function onInput() {
  const query = input.value.trim();
  const url = new URL(window.location.href);
  if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
  history.replaceState(null, "", url);
  keepQueryInLinks(query);
  if (!query) {
    latest++;
    list.replaceChildren();
    status.textContent = "";
    return;
  }
  status.textContent = say(box.dataset.searching, query);
  run(query).catch(() => { status.textContent = box.dataset.failed; });
}

// Listen at once: a reader may type while the index loads; run() waits for it.
const ready = loadPagefind();
const variants = loadVariants();
input.addEventListener("input", onInput);
box.querySelector("form").addEventListener("submit", (event) => {
  event.preventDefault();
  onInput();
});
input.value = input.value || new URLSearchParams(window.location.search).get("q") || "";
if (input.value) onInput();
