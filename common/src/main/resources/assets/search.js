// Suggestions as you type under the catalogue's search box. Progressive enhancement: without this
// script the box is an ordinary search form. Follows the ARIA combobox pattern: the input owns a
// listbox, arrow keys move the active option (aria-activedescendant), Enter opens it, Escape closes
// the list (a second Escape clears the box), and a click on an option opens that resource.
(function () {
  'use strict';
  var DELAY_MS = 150;

  function enhance(input, n) {
    var list = document.createElement('ul');
    var listId = 'suggestions-' + n;
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    input.insertAdjacentElement('afterend', list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('aria-expanded', 'false');

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      if (options.length === 0) { return; }
      if (active >= 0) { options[active].element.setAttribute('aria-selected', 'false'); }
      active = (index + options.length) % options.length;
      options[active].element.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[active].element.id);
      options[active].element.scrollIntoView({ block: 'nearest' });
    }

    function open(option) {
      window.location.assign('/resources/' + encodeURIComponent(option.resourceId));
    }

    function show(suggestions) {
      list.textContent = '';
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');
      suggestions.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = listId + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = s.title; // text, never markup: titles come from the web
        var option = { element: li, resourceId: s.resourceId };
        // mousedown, not click: the input's blur would close the list before a click lands.
        li.addEventListener('mousedown', function (event) { event.preventDefault(); open(option); });
        list.appendChild(li);
        options.push(option);
      });
      if (options.length === 0) { close(); return; }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function ask() {
      var typed = input.value;
      var ticket = ++asked;
      if (typed.trim().length === 0) { show([]); return; }
      fetch('/api/catalogue/suggest?size=8&q=' + encodeURIComponent(typed), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (ticket === asked) { show(body.suggestions || []); } })
        .catch(function () { if (ticket === asked) { close(); } });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY_MS);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') {
        if (list.hidden) { ask(); } else { highlight(active + 1); }
        event.preventDefault();
      } else if (event.key === 'ArrowUp') {
        if (!list.hidden) { highlight(active - 1); event.preventDefault(); }
      } else if (event.key === 'Escape') {
        if (!list.hidden) { close(); } else { input.value = ''; }
        event.preventDefault();
      } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
        event.preventDefault(); // open the chosen resource rather than search for the words
        open(options[active]);
      }
    });
    input.addEventListener('blur', close);
  }

  var boxes = document.querySelectorAll('form.search input[type=search]');
  for (var i = 0; i < boxes.length; i++) { enhance(boxes[i], i); }
})();
