/* Autosave and the offline copy for the workspace's step forms. The pages work without it.
 *
 * Every field change is sent to the server draft (the form's data-autosave URL). A copy of the
 * form is also kept in localStorage until the server has it: offline, or when the session has
 * expired, the copy stays on the device and is sent again when the connection returns (the
 * "online" event, the page coming back into view, a retry timer) or when the page is opened
 * again after logging in. When the session has expired, pressing a button leads to the login
 * page, which comes back to this step, where the copy is put back and sent. Nothing typed is lost.
 * The form's data-state says where the last change is: saving, saved, offline or expired.
 * No libraries.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var key = "hrdwatch-draft-" + form.getAttribute("data-draft");
  var status = form.querySelector(".ws-status");
  var lang = (document.documentElement.lang || "en").slice(0, 2);
  var words = {
    en: ["Saved", "Offline: kept on this device, will be sent when the connection returns", "Session expired: kept on this device; log in again, then come back", "Saving…"],
    fr: ["Enregistré", "Hors ligne : gardé sur cet appareil, envoyé au retour de la connexion", "Session expirée : gardé sur cet appareil ; reconnectez-vous, puis revenez", "Enregistrement…"],
    es: ["Guardado", "Sin conexión: guardado en este dispositivo, se enviará al volver la conexión", "Sesión caducada: guardado en este dispositivo; vuelva a iniciar sesión y regrese", "Guardando…"]
  }[lang] || ["Saved", "Offline", "Session expired", "Saving…"];
  var STATES = {saved: 0, offline: 1, expired: 2, saving: 3};
  var busy = false;
  var queued = false;
  var retry = null;
  var loginUrl = null;

  function mark(state) {
    form.setAttribute("data-state", state);
    if (status) { status.textContent = words[STATES[state]]; }
  }

  function snapshot() {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrfmiddlewaretoken" || el.type === "submit") { return; }
      if (el.type === "checkbox" || el.type === "radio") {
        values[el.name] = values[el.name] || [];
        if (el.checked) { values[el.name].push(el.value); }
      } else { values[el.name] = [el.value]; }
    });
    return values;
  }

  function restore(values) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in values) || el.name === "csrfmiddlewaretoken") { return; }
      if (el.type === "checkbox" || el.type === "radio") { el.checked = values[el.name].indexOf(el.value) !== -1; }
      else if (el.type !== "submit") { el.value = values[el.name][0]; }
    });
  }

  function keep(values) {
    try { localStorage.setItem(key, JSON.stringify({values: values, at: Date.now()})); } catch (e) { /* full or private mode */ }
  }

  function kept() {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function drop(values) {
    /* Forget the copy only if nothing was typed since these values were sent. */
    var copy = kept();
    if (copy && JSON.stringify(copy.values) === JSON.stringify(values)) { localStorage.removeItem(key); }
  }

  function body(values) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    Object.keys(values).forEach(function (name) {
      values[name].forEach(function (v) { data.append(name, v); });
    });
    return data;
  }

  function refreshToken() {
    /* After a login elsewhere the form's CSRF token is stale: read a fresh one from this page.
     * Resolves false (and remembers the login page) when the session is gone. */
    return fetch(window.location.pathname, {credentials: "same-origin"}).then(function (response) {
      if (response.redirected) { loginUrl = response.url; }
      if (!response.ok || response.redirected) { return false; }
      return response.text().then(function (html) {
        var found = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html);
        if (found) { form.elements.csrfmiddlewaretoken.value = found[1]; }
        return !!found;
      });
    });
  }

  function later() {
    if (retry === null) { retry = window.setTimeout(function () { retry = null; if (kept()) { send(); } }, 20000); }
  }

  function done(state) {
    /* One save at a time, in order: a change made meanwhile is sent now, with everything since. */
    busy = false;
    if (queued && state !== "expired") { queued = false; send(); return; }
    queued = false;
    mark(state);
  }

  function send(again) {
    var values = snapshot();
    keep(values);
    if (!navigator.onLine) { mark("offline"); return; }
    mark("saving");
    if (busy) { queued = true; return; }
    busy = true;
    fetch(form.getAttribute("data-autosave"), {method: "POST", body: body(values), credentials: "same-origin",
                                               headers: {"X-Requested-With": "fetch"}})
      .then(function (response) {
        var json = (response.headers.get("content-type") || "").indexOf("application/json") !== -1;
        if ((response.ok || response.status === 409) && json && !response.redirected) { drop(values); done("saved"); return; }
        if (response.status >= 500) { done("offline"); later(); return; }
        return refreshToken().then(function (fresh) {
          if (fresh && !again) { busy = false; send(true); } else { done("expired"); }
        });
      })
      .catch(function () { done("offline"); later(); });
  }

  function resend() { if (kept() && navigator.onLine) { send(); } }

  var pending = kept();
  if (pending && pending.values) { restore(pending.values); send(); }

  form.addEventListener("change", function () { send(); });
  form.addEventListener("input", function () { keep(snapshot()); });
  window.addEventListener("online", resend);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { resend(); } });
  form.addEventListener("submit", function (event) {
    keep(snapshot());
    if (!navigator.onLine) { event.preventDefault(); send(); return; }
    if (form.getAttribute("data-state") === "expired") {
      /* Posting now would meet a login page or a stale token: log in first, come back here. */
      event.preventDefault();
      var button = event.submitter || null;
      refreshToken().then(function (fresh) {
        if (fresh) { mark("saving"); form.requestSubmit(button); }
        else { window.location.assign(loginUrl || "/accounts/login/?next=" + encodeURIComponent(window.location.pathname)); }
      }).catch(function () { mark("offline"); });
    }
  });
})();
