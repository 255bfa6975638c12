// The editor side of the labeling page's bridge (ADR 0031). Runs in a sandboxed frame with an opaque origin; it
// trusts messages only from its parent window at the app's origin, and answers only there. Protocol (mirrored by
// ui/src/labeling/protocol.ts): host → frame {ll:'lsf-host', type:'init'|'serialize'}; frame → host
// {ll:'lsf-frame', type:'ready'|'loaded'|'serialized'|'error'|'height'}; both carry the channel named in the URL's fragment.
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
