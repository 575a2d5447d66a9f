/* Autosave and the offline copy for the workspace's step forms. The pages work without it.
 *
 * Every field change is sent to the server draft (the form's data-autosave URL). A copy of the
 * form is also kept in localStorage until the server has it: offline, or when the session has
 * expired, the copy stays on the device and is sent again when the connection returns or when
 * the page is opened again after logging in. Nothing typed is lost. No libraries.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) { return; }
  var key = "hrdwatch-draft-" + form.getAttribute("data-draft");
  var status = form.querySelector(".ws-status");
  var lang = document.documentElement.lang || "en";
  var words = {
    en: ["Saved", "Offline: kept on this device, will be sent when the connection returns", "Session expired: kept on this device; log in again in another tab, then come back"],
    fr: ["Enregistré", "Hors ligne : gardé sur cet appareil, envoyé au retour de la connexion", "Session expirée : gardé sur cet appareil ; reconnectez-vous dans un autre onglet, puis revenez"],
    es: ["Guardado", "Sin conexión: guardado en este dispositivo, se enviará al volver la conexión", "Sesión caducada: guardado en este dispositivo; vuelva a iniciar sesión en otra pestaña y regrese"]
  }[lang.slice(0, 2)] || null;
  words = words || ["Saved", "Offline", "Session expired"];

  function say(text) { if (status) { status.textContent = text; } }

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

  function body(values) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    Object.keys(values).forEach(function (name) {
      values[name].forEach(function (v) { data.append(name, v); });
    });
    return data;
  }

  function send() {
    var values = snapshot();
    try { localStorage.setItem(key, JSON.stringify({values: values, at: Date.now()})); } catch (e) { /* full or private mode */ }
    if (!navigator.onLine) { say(words[1]); return; }
    fetch(form.getAttribute("data-autosave"), {method: "POST", body: body(values), credentials: "same-origin",
                                               headers: {"X-Requested-With": "fetch"}})
      .then(function (response) {
        var json = (response.headers.get("content-type") || "").indexOf("application/json") !== -1;
        if (response.ok && json && !response.redirected) {
          localStorage.removeItem(key);
          say(words[0]);
        } else { say(words[2]); }
      })
      .catch(function () { say(words[1]); });
  }

  var pending = null;
  try { pending = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { pending = null; }
  if (pending && pending.values) { restore(pending.values); send(); }

  form.addEventListener("change", send);
  form.addEventListener("input", function () {
    try { localStorage.setItem(key, JSON.stringify({values: snapshot(), at: Date.now()})); } catch (e) { /* ignore */ }
  });
  window.addEventListener("online", function () { if (localStorage.getItem(key)) { send(); } });
  form.addEventListener("submit", function (event) {
    if (!navigator.onLine) { event.preventDefault(); send(); }
  });
})();
