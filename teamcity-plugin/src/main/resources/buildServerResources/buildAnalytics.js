// Build Analytics administration page: posts the form to the settings controller and shows its answers.
// TeamCity rejects a POST without its CSRF token, which every TeamCity page carries in a meta tag.
(function () {
  'use strict';

  function csrfToken() {
    var meta = document.querySelector('meta[name="tc-csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function formData(form) {
    var data = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) { return; }
      if (el.type === 'checkbox') { data.append(el.name, el.checked ? 'true' : 'false'); }
      else { data.append(el.name, el.value); }
    });
    return data;
  }

  function post(root, data) {
    return fetch(root.getAttribute('data-action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-TC-CSRF-Token': csrfToken(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: data.toString()
    }).then(function (response) {
      return response.json().catch(function () {
        return { ok: false, message: 'The server answered ' + response.status + '.' };
      });
    });
  }

  function showStatus(lines) {
    var list = document.getElementById('buildAnalyticsStatus');
    if (!list || !lines) { return; }
    list.textContent = '';
    lines.forEach(function (line) {
      var item = document.createElement('li');
      item.textContent = line;
      list.appendChild(item);
    });
  }

  function showAnswer(answer) {
    var message = document.getElementById('buildAnalyticsMessage');
    message.textContent = answer.message || '';
    message.className = answer.ok ? (answer.level === 'WARNING' ? 'warning' : 'ok') : 'error';
    document.querySelectorAll('#buildAnalytics [data-error-for]').forEach(function (el) { el.textContent = ''; });
    if (answer.field) {
      var error = document.querySelector('#buildAnalytics [data-error-for="' + answer.field + '"]');
      if (error) { error.textContent = answer.message; }
    }
    showStatus(answer.status);
  }

  function act(root, form, action) {
    var data = formData(form);
    data.append('action', action);
    return post(root, data).then(showAnswer);
  }

  function checkField(root, input) {
    var data = new URLSearchParams();
    data.append('action', 'check');
    data.append('field', input.getAttribute('data-check'));
    data.append('value', input.value);
    post(root, data).then(function (answer) {
      var error = document.querySelector('#buildAnalytics [data-error-for="' + input.getAttribute('data-check') + '"]');
      if (error) { error.textContent = answer.ok ? '' : (answer.message || ''); }
    });
  }

  function start() {
    var root = document.getElementById('buildAnalytics');
    if (!root) { return; }
    var form = document.getElementById('buildAnalyticsForm');
    document.getElementById('buildAnalyticsSave').addEventListener('click', function () { act(root, form, 'save'); });
    document.getElementById('buildAnalyticsTest').addEventListener('click', function () { act(root, form, 'test'); });
    document.getElementById('buildAnalyticsBackfillStart').addEventListener('click', function () {
      act(root, document.getElementById('buildAnalyticsBackfill'), 'backfill');
    });
    root.querySelectorAll('[data-check]').forEach(function (input) {
      input.addEventListener('change', function () { checkField(root, input); });
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
