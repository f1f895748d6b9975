/* Let readers paste CLI commands into search.

   In Material's query syntax a leading "-" excludes a word, so
   "openstack server reboot --hard" would hide the reboot page, the very page
   the reader wants. Before a query reaches Material's search worker, strip
   the dashes in front of command-line options ("--hard" -> "hard",
   "--live-migration" -> "live-migration"); a single "-word" still excludes.

   The query travels to the worker as {type: 2, data: "..."} (Material 9's
   SearchMessageType.QUERY); the browser tests guard that this still holds. */
(function () {
  "use strict";

  var QUERY = 2;
  var post = Worker.prototype.postMessage;

  Worker.prototype.postMessage = function (message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      var data = message.data.replace(/(^|\s)--(?=[\w\u4e00-\u9fff])/g, "$1");
      if (data !== message.data) {
        arguments[0] = { type: message.type, data: data };
      }
    }
    return post.apply(this, arguments);
  };
})();
