// The editor without a build step. Without this script every part works through the form's buttons (Preview,
// Save, Upload and insert); with it: the preview and the word count follow the typing (both from the server, the
// same renderer as the public page), the text is saved by itself and with Ctrl+S / Cmd+S, the saving state is
// said in a polite live region, an image dropped on the text or the panel is uploaded and put at the cursor, and
// the translation's blocks beside the original follow the typing.
(function () {
  'use strict';
  var form = document.getElementById('editor');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) {
    return;
  }
  var lang = document.documentElement.lang || undefined;
  var body = form.querySelector('#body');
  var preview = document.getElementById('preview');
  var words = document.getElementById('word-count');
  var state = document.getElementById('save-state');
  var saveButton = document.getElementById('save');
  var panel = document.getElementById('figure-panel');
  var figureStatus = document.getElementById('figure-status');
  var fileField = document.getElementById('figure-file');
  var altField = document.getElementById('figure-alt');
  var aligned = document.getElementById('aligned');
  // the editor form and the workflow forms all carry the version the page was loaded from
  var versions = document.querySelectorAll('input[name=version]');
  var csrf = form.querySelector('input[name=_csrf]');
  var autosaveUrl = form.getAttribute('data-autosave');
  var previewTimer = null;
  var saveTimer = null;
  var dirty = false;
  var saving = false;
  var again = false;
  var stopped = false;
  var cursor = null;

  function format(template, value) {
    return template.replace('{0}', value);
  }

  function say(element, text) {
    element.textContent = text;
  }

  function showTime(iso) {
    var time = document.createElement('time');
    time.setAttribute('datetime', iso);
    // the staff member's own zone and language: the browser knows both
    var local = new Intl.DateTimeFormat(lang, {hour: 'numeric', minute: '2-digit'}).format(new Date(iso));
    time.textContent = format(state.getAttribute('data-saved-at'), local);
    state.replaceChildren(time);
  }

  function showWords(count) {
    words.setAttribute('data-words', count);
    say(words, format(words.getAttribute('data-template'), new Intl.NumberFormat(lang).format(count)));
  }

  function refreshPreview() {
    var data = new URLSearchParams();
    data.append('_csrf', csrf.value);
    data.append('body', body.value);
    var language = form.querySelector('[name=language]');
    if (language) {
      data.append('language', language.value);
    }
    fetch(form.getAttribute('data-preview'), {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (response) {
        return response.text().then(function (text) { return {response: response, text: text}; });
      })
      .then(function (result) {
        if (result.response.ok) {
          // sanitized by the server exactly as the public page's body
          preview.innerHTML = result.text;
          showWords(Number(result.response.headers.get('Iskra-Words') || 0));
        } else {
          say(state, result.text);
        }
      })
      .catch(function () { /* the Preview button still works */ });
  }

  function refreshAligned() {
    if (!aligned) {
      return;
    }
    var blocks = body.value.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)
      .map(function (block) { return block.trim(); })
      .filter(function (block) { return block.length > 0; });
    var rows = aligned.querySelectorAll('tr.block');
    var cells = aligned.querySelectorAll('tr.block td.translation');
    for (var i = 0; i < cells.length; i++) {
      cells[i].textContent = i < blocks.length ? blocks[i] : '';
    }
    var tbody = aligned.querySelector('tbody');
    for (var j = rows.length; j < blocks.length; j++) {
      var row = document.createElement('tr');
      row.className = 'block';
      var original = document.createElement('td');
      original.className = 'original';
      var translation = document.createElement('td');
      translation.className = 'translation';
      translation.setAttribute('lang', form.querySelector('[name=language]').value);
      translation.setAttribute('dir', 'auto');
      translation.textContent = blocks[j];
      row.appendChild(original);
      row.appendChild(translation);
      tbody.appendChild(row);
    }
  }

  function save() {
    if (!autosaveUrl || stopped) {
      return;
    }
    if (saving) {
      // asked again (Ctrl+S) while a save is on its way: save once more when it is back
      again = true;
      return;
    }
    dirty = false;
    saving = true;
    say(state, state.getAttribute('data-saving'));
    var data = new URLSearchParams(new FormData(form));
    // the autosave keeps the words; an image is uploaded only by itself
    ['action', 'file', 'alt', 'caption', 'credit'].forEach(function (name) { data.delete(name); });
    fetch(autosaveUrl, {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (answer) { return {status: response.status, answer: answer}; });
      })
      .then(function (result) {
        saving = false;
        if (result.status === 200) {
          for (var i = 0; i < versions.length; i++) {
            versions[i].value = result.answer.version;
          }
          if (again) {
            again = false;
            save();
          } else if (dirty) {
            say(state, state.getAttribute('data-unsaved'));
          } else {
            showTime(result.answer.savedAt);
          }
          return;
        }
        say(state, result.answer.message || state.getAttribute('data-unsaved'));
        if (result.status === 409) {
          // someone else saved: stop saving over them; the Save button explains and keeps this text
          stopped = true;
        } else {
          dirty = true;
        }
      })
      .catch(function () {
        saving = false;
        dirty = true;
        say(state, state.getAttribute('data-unsaved'));
      });
  }

  function changed() {
    if (!dirty) {
      say(state, state.getAttribute('data-unsaved'));
    }
    dirty = true;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 5000);
  }

  function rememberCursor() {
    cursor = {start: body.selectionStart, end: body.selectionEnd};
  }

  /** The figure as a paragraph of its own where the cursor was (or at the end), then the usual refreshes. */
  function insertFigure(shortcode) {
    var text = body.value;
    var at = cursor ? cursor.end : text.length;
    var before = text.slice(0, at).replace(/\s+$/, '');
    var after = text.slice(at).replace(/^\s+/, '');
    var inserted = (before ? before + '\n\n' : '') + shortcode + '\n\n';
    body.value = inserted + after;
    body.focus();
    body.setSelectionRange(inserted.length, inserted.length);
    rememberCursor();
    refreshPreview();
    refreshAligned();
    changed();
  }

  function uploadFigure(file) {
    var data = new FormData();
    data.append('_csrf', csrf.value);
    data.append('file', file);
    ['alt', 'caption', 'credit'].forEach(function (name) {
      data.append(name, form.querySelector('[name=' + name + ']').value);
    });
    say(figureStatus, figureStatus.getAttribute('data-uploading'));
    fetch(form.getAttribute('data-figures'), {method: 'POST', body: data, credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (answer) { return {ok: response.ok, answer: answer}; });
      })
      .then(function (result) {
        say(figureStatus, result.answer.message || figureStatus.getAttribute('data-failed'));
        if (result.ok) {
          insertFigure(result.answer.figure);
          fileField.value = '';
          ['alt', 'caption', 'credit'].forEach(function (name) { form.querySelector('[name=' + name + ']').value = ''; });
        }
      })
      .catch(function () { say(figureStatus, figureStatus.getAttribute('data-failed')); });
  }

  function dropped(event) {
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0 || !/^image\//.test(files[0].type)) {
      return;
    }
    event.preventDefault();
    panel.classList.remove('drop-target');
    body.classList.remove('drop-target');
    if (altField.value.trim() === '') {
      // alt text is not optional: keep the file in the field and ask for it
      var chosen = new DataTransfer();
      chosen.items.add(files[0]);
      fileField.files = chosen.files;
      say(figureStatus, figureStatus.getAttribute('data-describe'));
      altField.focus();
      return;
    }
    uploadFigure(files[0]);
  }

  [panel, body].forEach(function (target) {
    target.addEventListener('dragover', function (event) {
      if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0) {
        event.preventDefault();
        target.classList.add('drop-target');
      }
    });
    target.addEventListener('dragleave', function () { target.classList.remove('drop-target'); });
    target.addEventListener('drop', dropped);
  });

  // with script the upload button puts the figure at the cursor and leaves the page where it is
  form.querySelector('button[value=upload]').addEventListener('click', function (event) {
    if (fileField.files.length > 0 && altField.value.trim() !== '') {
      event.preventDefault();
      uploadFigure(fileField.files[0]);
    }
  });

  ['keyup', 'click', 'select', 'blur'].forEach(function (name) { body.addEventListener(name, rememberCursor); });

  form.addEventListener('input', function (event) {
    if (event.target === fileField) {
      return;
    }
    if (event.target === body) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, 500);
      refreshAligned();
    }
    changed();
  });

  document.addEventListener('keydown', function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      clearTimeout(saveTimer);
      if (autosaveUrl && !stopped) {
        save();
      } else if (form.requestSubmit) {
        // a new text has nothing to save over yet: the Save button creates it
        form.requestSubmit(saveButton);
      } else {
        saveButton.click();
      }
    }
  });

  form.addEventListener('submit', function () {
    clearTimeout(saveTimer);
    stopped = true;
  });

  saveButton.setAttribute('aria-keyshortcuts', 'Control+S Meta+S');
  document.getElementById('shortcut-help').hidden = false;
  document.getElementById('drop-help').hidden = false;
  var savedAt = state.querySelector('time');
  if (savedAt) {
    showTime(savedAt.getAttribute('datetime'));
  }
})();
