// Keyboard shortcuts for the review pages. Progressive enhancement: every action is an ordinary
// link or form without this script. Queue: j/k move, x selects, Enter opens. Detail: j/k next and
// previous item, a approves (with the edits in the form), r goes to the reject reason, Esc leaves a field.
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr[data-queue-item]'));
  var current = -1;

  function typing(target) {
    var name = target && target.tagName;
    return name === 'INPUT' || name === 'TEXTAREA' || name === 'SELECT' || (target && target.isContentEditable);
  }

  function moveTo(index) {
    if (rows.length === 0) { return; }
    if (current >= 0) { rows[current].classList.remove('current'); }
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows[current].classList.add('current');
    var link = rows[current].querySelector('a');
    if (link) { link.focus(); }
  }

  function follow(rel) {
    var link = document.querySelector('a[rel="' + rel + '"]');
    if (link) { window.location.assign(link.href); }
  }

  function submit(form) {
    if (!form) { return; }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing(event.target)) {
      if (event.key === 'Escape') { event.target.blur(); }
      return;
    }
    var onQueue = rows.length > 0;
    switch (event.key) {
      case 'j':
        if (onQueue) { moveTo(current + 1); } else { follow('next'); }
        break;
      case 'k':
        if (onQueue) { moveTo(current - 1); } else { follow('prev'); }
        break;
      case 'x':
        if (onQueue && current >= 0) {
          var box = rows[current].querySelector('input[type="checkbox"]');
          if (box) { box.checked = !box.checked; }
        }
        break;
      case 'a':
        submit(document.getElementById('approve-form'));
        break;
      case 'r':
        var reason = document.getElementById('reject-reason');
        if (reason) { reason.focus(); }
        break;
      default:
        return;
    }
    event.preventDefault();
  });
})();
