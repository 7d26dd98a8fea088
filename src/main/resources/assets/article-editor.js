// The editor without a build step: a live preview rendered by the server (the same renderer as the public page)
// and an autosave of the draft. Without this script the Preview and Save buttons do the same.
(function () {
  'use strict';
  var form = document.getElementById('editor');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var body = form.querySelector('#body');
  var preview = document.getElementById('preview');
  var status = document.getElementById('autosave-status');
  // the editor form and the workflow forms all carry the version the page was loaded from
  var versions = document.querySelectorAll('input[name=version]');
  var csrf = form.querySelector('input[name=_csrf]');
  var autosaveUrl = form.getAttribute('data-autosave');
  var previewTimer = null;
  var saveTimer = null;
  var dirty = false;
  var stopped = false;

  function refreshPreview() {
    var data = new URLSearchParams();
    data.append('_csrf', csrf.value);
    data.append('body', body.value);
    fetch(form.getAttribute('data-preview'), {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null) {
          // sanitized by the server exactly as the public page's body
          preview.innerHTML = html;
        }
      })
      .catch(function () { /* the Preview button still works */ });
  }

  function autosave() {
    if (!autosaveUrl || !dirty || stopped) {
      return;
    }
    dirty = false;
    var data = new URLSearchParams(new FormData(form));
    // the autosave keeps the words; an image is uploaded only with its own button
    ['action', 'file', 'alt', 'caption', 'credit'].forEach(function (name) { data.delete(name); });
    fetch(autosaveUrl, {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (answer) { return {status: response.status, answer: answer}; });
      })
      .then(function (result) {
        status.textContent = result.answer.message || '';
        if (result.status === 200) {
          for (var i = 0; i < versions.length; i++) {
            versions[i].value = result.answer.version;
          }
        } else if (result.status === 409) {
          // someone else saved: stop saving over them; the Save button explains and keeps this text
          stopped = true;
        } else {
          dirty = true;
        }
      })
      .catch(function () { dirty = true; });
  }

  form.addEventListener('input', function (event) {
    dirty = true;
    if (event.target === body) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, 600);
    }
    clearTimeout(saveTimer);
    saveTimer = setTimeout(autosave, 5000);
  });
  form.addEventListener('submit', function () {
    clearTimeout(saveTimer);
    stopped = true;
  });
})();
