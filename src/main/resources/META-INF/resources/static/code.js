/* The code view's highlighting: highlight.js (served from its webjar) colours each Python file as a whole,
   so a docstring spanning lines stays a string, and the result is split back into the page's numbered rows.
   The rows stay plain, escaped text when this script does not run. hljs escapes the text it returns. */
(function () {
  'use strict';

  /* hljs's HTML holds only text, <span class="..."> and </span>: close the spans open at each line's end,
     reopen them at the next line's start. */
  function splitLines(html) {
    var lines = [], open = [], current = '', m;
    var token = /(<span[^>]*>)|(<\/span>)|(\n)|([^<\n]+)/g;
    while ((m = token.exec(html)) !== null) {
      if (m[1]) { open.push(m[1]); current += m[1]; }
      else if (m[2]) { open.pop(); current += m[2]; }
      else if (m[3]) { current += '</span>'.repeat(open.length); lines.push(current); current = open.join(''); }
      else { current += m[4]; }
    }
    lines.push(current);
    return lines;
  }

  function python(text) {
    return hljs.highlight(text, { language: 'python', ignoreIllegals: true }).value;
  }

  function highlight(table) {
    var cells = Array.prototype.slice.call(table.querySelectorAll('td.src code'));
    if (table.dataset.lines === 'each') { // a diff: its rows come from two files
      cells.forEach(function (c) { c.innerHTML = python(c.textContent); });
    } else {
      var lines = splitLines(python(cells.map(function (c) { return c.textContent; }).join('\n')));
      if (lines.length !== cells.length) { return; }
      cells.forEach(function (c, i) { c.innerHTML = lines[i]; });
    }
    table.classList.add('hljs', 'highlighted');
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.hljs) { return; }
    document.querySelectorAll('table.code[data-lang="python"]').forEach(highlight);
  });
})();
