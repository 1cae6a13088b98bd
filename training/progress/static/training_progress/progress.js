/* Reports how far the participant has watched each training video, in batches.
   Sends at most one request every 15 seconds while playing, on pause and on end, and with
   navigator.sendBeacon when the page is hidden. Without this script the page still offers
   "Mark as watched". */
(function () {
  "use strict";
  var section = document.querySelector("[data-progress-beacon]");
  if (!section || !window.fetch) { return; }
  var url = section.getAttribute("data-progress-beacon");
  var token = section.getAttribute("data-csrf-token");
  var pending = {};
  var sentUpTo = {};
  var INTERVAL_MS = 15000;

  function note(video) {
    var id = video.getAttribute("data-video-id");
    var duration = video.duration;
    if (!id || !isFinite(duration) || duration <= 0) { return; }
    var position = Math.min(video.currentTime, duration);
    var known = pending[id];
    if (!known || position > known.position) {
      pending[id] = { video_id: id, position: position, duration: duration };
    }
  }

  function takeBatch() {
    var events = [];
    Object.keys(pending).forEach(function (id) {
      if (pending[id].position > (sentUpTo[id] || -1)) {
        events.push(pending[id]);
        sentUpTo[id] = pending[id].position;
      }
    });
    pending = {};
    return events;
  }

  function showPercent(events) {
    var target = section.querySelector("[data-progress-percent]");
    var bar = section.querySelector("progress");
    events.forEach(function (event) {
      var percent = Math.floor(100 * event.position / event.duration);
      if (bar && percent > Number(bar.value)) { bar.value = percent; }
      if (target && percent > Number(target.textContent)) { target.textContent = percent; }
    });
  }

  function flush() {
    var events = takeBatch();
    if (!events.length) { return; }
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify({ events: events })
    }).then(function (response) {
      if (response.ok) { showPercent(events); }
    }).catch(function () { /* the next flush or pagehide tries again */ });
  }

  function flushOnLeave() {
    var events = takeBatch();
    if (!events.length) { return; }
    var body = new FormData();
    body.append("csrfmiddlewaretoken", token);
    body.append("payload", JSON.stringify({ events: events }));
    if (navigator.sendBeacon) {
      navigator.sendBeacon(url, new URLSearchParams(body));
    }
  }

  document.querySelectorAll("video[data-video-id]").forEach(function (video) {
    video.addEventListener("timeupdate", function () { note(video); });
    video.addEventListener("pause", function () { note(video); flush(); });
    video.addEventListener("ended", function () { note(video); flush(); });
  });
  window.setInterval(flush, INTERVAL_MS);
  window.addEventListener("pagehide", flushOnLeave);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { flushOnLeave(); }
  });
}());
