// The editor side of the labeling page's bridge (ADR 0031). Runs in a sandboxed frame with an opaque origin; it
// trusts messages only from its parent window at the app's origin, and answers only there. Protocol (mirrored by
// ui/src/labeling/protocol.ts): host → frame {ll:'lsf-host', type:'init'|'serialize'|'selectRegion'}; frame → host
// {ll:'lsf-frame', type:'ready'|'loaded'|'serialized'|'error'|'height'|'region'|'hotkeys'|'mediaError'|'key'}; both carry
// the channel named in the URL's fragment.
(function () {
  'use strict';
  // This document's own origin is opaque ("null"); its URL still names the app's origin, the only one we talk to.
  var appOrigin = new URL(location.href).origin;
  // The page names a fresh channel in the URL's fragment and accepts only messages that carry it: a document that
  // replaced this one in the frame (a followed link, also sandboxed, also of origin "null") does not know it.
  var channel = location.hash.slice(1);
  var ls = null;
  var store = null; // Label Studio's annotation store, from onLabelStudioLoad
  var objectUrls = [];
  var started = 0;

  function post(message) {
    message.ll = 'lsf-frame';
    message.channel = channel;
    window.parent.postMessage(message, appOrigin);
  }

  function errorText(e) {
    return e && e.message ? String(e.message) : String(e);
  }

  window.addEventListener('error', function (event) {
    post({ type: 'error', message: errorText(event.error || event.message) });
  });

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== appOrigin) return;
    var message = event.data;
    if (!message || message.ll !== 'lsf-host' || message.channel !== channel) return;
    try {
      if (message.type === 'init') init(message);
      else if (message.type === 'serialize') post({ type: 'serialized', requestId: message.requestId, result: serialize() });
      else if (message.type === 'selectRegion') { wanted = null; selectRegion(message.regionId); }
    } catch (e) {
      post({ type: 'error', requestId: message.requestId, message: errorText(e) });
    }
  });

  function serialize() {
    var annotation = store && store.selected;
    if (!annotation) return null;
    // plain JSON, exactly what Label Studio's own frontend sends to its backend as the annotation's result
    return JSON.parse(JSON.stringify(annotation.serializeAnnotation()));
  }

  // ---- regions: the page's comments are about one region (its result item id, LSF's cleanId) ----------------
  function regionsOf(annotation) {
    if (!annotation) return [];
    var regions = annotation.regionStore && annotation.regionStore.regions;
    return regions ? Array.from(regions) : [];
  }

  function regionId(region) {
    return region ? String(region.cleanId || region.id).replace(/#.*/, '') : null;
  }

  function selectRegion(id) {
    var annotation = store && store.selected;
    if (!annotation) return;
    if (!id) {
      if (annotation.unselectAll) annotation.unselectAll();
      return;
    }
    var region = regionsOf(annotation).find(function (r) { return regionId(r) === String(id); });
    if (region && annotation.selectArea) annotation.selectArea(region);
  }

  // A region to select once the task is shown (a deep link): LSF clears the selection while it finishes loading
  // the media (measured: selected, then unselected within a poll), so it is selected again until it has held for
  // a few polls, for at most 3 s.
  var wanted = null;
  function selectWhenShown(id) {
    wanted = { id: String(id), until: Date.now() + 3000, held: 0 };
    selectRegion(id);
  }

  // LSF keeps the selection in MobX; the frame polls it (cheap) and tells the page when it changes
  var lastRegion;
  setInterval(function () {
    var annotation = store && store.selected;
    var selected = annotation && annotation.selectedRegions ? annotation.selectedRegions : [];
    var id = selected.length === 1 ? regionId(selected[0]) : null;
    if (wanted) {
      if (id === wanted.id) wanted.held++;
      if (wanted.held >= 4 || Date.now() > wanted.until) wanted = null;
      else if (id !== wanted.id) {
        selectRegion(wanted.id);
        return;
      }
    }
    if (id !== lastRegion) {
      lastRegion = id;
      post({ type: 'region', regionId: id });
    }
  }, 250);

  function reportHotkeys() {
    var hotkeys = window.HtxHotkeys;
    if (!hotkeys || typeof hotkeys.keysDescipritions !== 'function') return; // (sic: LSF 1.4.0's name)
    var described = hotkeys.keysDescipritions() || {};
    var keys = Object.keys(described).filter(function (k) { return described[k]; })
      .map(function (k) { return { key: k, description: String(described[k]) }; });
    // nothing bound with a description yet: LSF's own keymap (its named hotkeys and their keys)
    if (keys.length === 0 && hotkeys.keymap) {
      keys = Object.keys(hotkeys.keymap).map(function (name) {
        var entry = hotkeys.keymap[name] || {};
        return { key: String(entry.key || name), description: String(entry.description || name) };
      });
    }
    post({ type: 'hotkeys', keys: keys });
  }

  // an image, audio or video of the task that cannot be loaded: LSF shows nothing, the page says so
  document.addEventListener('error', function (event) {
    var t = event.target;
    if (t && t.tagName && /^(IMG|AUDIO|VIDEO|SOURCE)$/.test(t.tagName)) post({ type: 'mediaError', tag: t.tagName });
  }, true);

  // the page's own shortcuts (submit, skip, next, help) still work while the editor has focus; no other key leaves
  var FORWARDED = { Enter: true, ' ': true, ArrowRight: true };
  document.addEventListener('keydown', function (event) {
    var t = event.target;
    var inTextField = !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable === true);
    var mod = event.ctrlKey || event.metaKey;
    if ((mod && FORWARDED[event.key]) || (event.key === '?' && !mod && !inTextField)) {
      post({ type: 'key', key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey, inTextField: inTextField });
    }
  }, true);

  function revokeMedia() {
    objectUrls.forEach(function (url) { URL.revokeObjectURL(url); });
    objectUrls = [];
  }

  function init(message) {
    started = performance.now();
    if (ls) {
      try { ls.destroy(); } catch (e) { /* a failed config leaves nothing to destroy */ }
      ls = null;
      store = null;
    }
    revokeMedia();
    var root = document.getElementById('label-studio');
    root.innerHTML = '';
    var data = Object.assign({}, message.task.data);
    // media the page fetched with the user's session arrive as Blobs: object URLs of this frame's own origin
    Object.keys(message.media || {}).forEach(function (field) {
      var url = URL.createObjectURL(message.media[field]);
      objectUrls.push(url);
      data[field] = url;
    });
    var select = message.selectAnnotationId;
    ls = new window.LabelStudio('label-studio', {
      config: message.config,
      interfaces: message.interfaces,
      user: message.user,
      task: { id: message.task.id, data: data, annotations: message.annotations, predictions: message.predictions },
      onLabelStudioLoad: function (LS) {
        store = LS.annotationStore;
        var chosen = null;
        if (select) {
          chosen = store.annotations.find(function (a) { return String(a.pk) === String(select) || String(a.id) === String(select); }) || null;
        }
        if (!chosen && message.startFromPrediction && store.predictions.length > 0) {
          chosen = store.addAnnotationFromPrediction(store.predictions[0]);
        }
        if (!chosen && !message.readOnly) chosen = store.addAnnotation({ userGenerate: true });
        if (chosen) store.selectAnnotation(chosen.id);
        if (message.readOnly && store.selected && store.selected.setEdit) store.selected.setEdit(false);
        var millis = Math.round(performance.now() - started);
        // count what the open annotation holds once LSF has built its regions (after this callback)
        setTimeout(function () {
          var result = serialize();
          post({ type: 'loaded', millis: millis, results: result ? result.length : 0 });
          if (message.selectRegionId) selectWhenShown(message.selectRegionId);
          reportHotkeys();
        }, 0);
      },
    });
  }

  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(function () { post({ type: 'height', height: document.documentElement.scrollHeight }); })
      .observe(document.body);
  }
  post({ type: 'ready', hasEditor: typeof window.LabelStudio === 'function' });
})();
