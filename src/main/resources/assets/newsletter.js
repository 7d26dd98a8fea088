// The subscription block under an article is part of a cached page, and so is its form token: when the block comes
// into view (or the reader starts typing in it), fetch a token of the moment. Without this script the form still
// works; an old token then leads to the full newsletter form, with what was typed, to send again.
(function () {
  'use strict';
  var form = document.querySelector('form[data-token-url]');
  if (!form || !window.fetch) {
    return;
  }
  var fetched = false;
  function refresh() {
    if (fetched) {
      return;
    }
    fetched = true;
    fetch(form.getAttribute('data-token-url'), { credentials: 'omit', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (token) {
        if (token) {
          form.querySelector('input[name=token]').value = token.trim();
        }
      })
      .catch(function () { fetched = false; });
  }
  if ('IntersectionObserver' in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        refresh();
      }
    }, { rootMargin: '300px' });
    observer.observe(form);
  } else {
    refresh();
  }
  form.addEventListener('focusin', refresh);
})();
