// Loaded before Label Studio's bundle (ADR 0031). In the sandboxed frame (opaque origin) reading localStorage or
// sessionStorage throws a SecurityError, which stops the editor while it loads; it keeps only UI preferences there,
// so it gets an in-memory storage for the life of the frame.
(function () {
  'use strict';
  function memoryStorage() {
    var items = new Map();
    return {
      get length() { return items.size; },
      key: function (i) { return Array.from(items.keys())[i] ?? null; },
      getItem: function (k) { return items.has(String(k)) ? items.get(String(k)) : null; },
      setItem: function (k, v) { items.set(String(k), String(v)); },
      removeItem: function (k) { items.delete(String(k)); },
      clear: function () { items.clear(); },
    };
  }
  ['localStorage', 'sessionStorage'].forEach(function (name) {
    var usable = false;
    try { usable = !!window[name]; } catch (e) { usable = false; }
    if (!usable) Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
  });
})();
