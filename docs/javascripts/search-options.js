/* Two fixes to queries before they reach Material's search worker.

   1. Pasted CLI commands. In Material's query syntax a leading "-" excludes
      a word, so "openstack server reboot --hard" would hide the reboot page,
      the very page the reader wants. The dashes in front of command-line
      options are stripped ("--hard" -> "hard"); a single "-word" still
      excludes.

   2. Short Chinese words. Material cuts a run of Chinese characters into
      words it finds in the index, but never lets a word end at the run's
      last character: "重启" (reboot) is searched as "重" alone, which also
      matches "重建" (rebuild) and ties. Each Chinese run is therefore also
      sent once more with a filler character after it and a boost ("重启的^10");
      the cut of that copy can end on the real last character, the filler is
      never part of a word, and pages holding the whole word rank first. The
      original run stays in the query, so nothing that matched before is lost.

   The query travels to the worker as {type: 2, data: "..."} (Material 9's
   SearchMessageType.QUERY); the browser tests guard that this still holds. */
(function () {
  "use strict";

  var QUERY = 2;
  var FILLER = "的";
  var BOOST = "^10";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
  var post = Worker.prototype.postMessage;

  function rewrite(query) {
    var data = query.replace(/(^|\s)--(?=[\w\u4e00-\u9fff])/g, "$1");
    var runs = data.match(HAN);
    if (runs) {
      data += " " + runs.map(function (run) { return run + FILLER + BOOST; }).join(" ");
    }
    return data;
  }

  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string" && message.data.trim()) {
      var data = rewrite(message.data);
      if (data !== message.data) {
        arguments[0] = { type: message.type, data: data };
      }
    }
    return post.apply(this, arguments);
  };
})();
