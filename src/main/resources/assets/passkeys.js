// Passkeys need the browser's WebAuthn API, so they need this script; everything else in the back office works
// without it. The second step (data-passkey-login) proves a passkey of the account whose password was just checked;
// the account page (data-passkey-register) adds one. Options and answers travel as WebAuthn's JSON (base64url).
(function () {
  'use strict';

  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var text = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i); }
    return out.buffer;
  }

  function base64url(buffer) {
    var text = '';
    new Uint8Array(buffer).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function post(url, holder, body) {
    var headers = { 'Content-Type': 'application/json' };
    headers[holder.dataset.csrfHeader] = holder.dataset.csrfToken;
    return fetch(url, { method: 'POST', headers: headers, credentials: 'same-origin', body: body || '{}' })
      .then(function (response) {
        return response.json().then(function (json) {
          if (!response.ok) { throw new Error(json.error || ('HTTP ' + response.status)); }
          return json;
        });
      });
  }

  function show(message) {
    var status = document.getElementById('passkey-status');
    status.textContent = message;
    status.hidden = false;
  }

  var supported = !!(window.PublicKeyCredential && navigator.credentials);

  var login = document.querySelector('[data-passkey-login]');
  if (login) {
    var button = document.getElementById('passkey-login');
    button.addEventListener('click', function () {
      if (!supported) { show(button.dataset.unsupported); return; }
      post('/admin/second-factor/passkey/options', login).then(function (options) {
        options.challenge = bytes(options.challenge);
        (options.allowCredentials || []).forEach(function (c) { c.id = bytes(c.id); });
        return navigator.credentials.get({ publicKey: options });
      }).then(function (credential) {
        var r = credential.response;
        return post('/admin/second-factor/passkey', login, JSON.stringify({
          id: credential.id,
          rawId: base64url(credential.rawId),
          type: credential.type,
          response: {
            authenticatorData: base64url(r.authenticatorData),
            clientDataJSON: base64url(r.clientDataJSON),
            signature: base64url(r.signature),
            userHandle: r.userHandle ? base64url(r.userHandle) : null
          },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        }));
      }).then(function (done) {
        window.location.assign(done.redirect);
      }).catch(function () { show(button.dataset.failed); });
    });
  }

  var register = document.querySelector('[data-passkey-register]');
  if (register && supported) {
    register.hidden = false;
    register.addEventListener('submit', function (event) {
      event.preventDefault();
      var label = document.getElementById('passkey-label').value;
      post('/admin/account/passkeys/options', register).then(function (options) {
        options.challenge = bytes(options.challenge);
        options.user.id = bytes(options.user.id);
        (options.excludeCredentials || []).forEach(function (c) { c.id = bytes(c.id); });
        return navigator.credentials.create({ publicKey: options });
      }).then(function (credential) {
        var r = credential.response;
        return post('/admin/account/passkeys?label=' + encodeURIComponent(label), register, JSON.stringify({
          credential: {
            id: credential.id,
            rawId: base64url(credential.rawId),
            type: credential.type,
            response: {
              attestationObject: base64url(r.attestationObject),
              clientDataJSON: base64url(r.clientDataJSON),
              transports: r.getTransports ? r.getTransports() : []
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          },
          label: label
        }));
      }).then(function (done) {
        window.location.assign(done.redirect);
      }).catch(function () { show(register.querySelector('button').dataset.failed); });
    });
  }
}());
