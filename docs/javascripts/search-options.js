/* What this script does to queries before they reach Material's search worker.

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

   3. Code identifiers. The separator in mkdocs.yml splits "NoValidHost" into
      "no valid host", and "no" also matches "novnc". Each word that looks
      like an identifier (inner "_", "-", "." or a case change) is also sent
      folded into one lowercase word ("00novalidhost"); hooks/search_keys.py
      gives pages the same folded words as hidden tags.

   4. CLI commands. A query that starts with "openstack" or "nova" is also sent
      as one folded word for its command words, and one with its first option
      ("0copenstackconsolelogshow0"); pages carry the same keys for the
      commands in their front matter (hooks/search_keys.py cli_keys), so the
      page of the whole command wins over pages that merely use its words.

   5. Operations without a page. hooks/search_keys.py writes the Nova server
      actions no page covers into window.__uncoveredActions; when the query
      names one, a note above the results says so and links to the
      operations index. The listener sits on the document, so it survives
      Material's instant navigation.

   The query travels to the worker as {type: 2, data: "..."} (Material 9's
   SearchMessageType.QUERY); the browser tests guard that this still holds. */
(function () {
  "use strict";

  var QUERY = 2;
  var FILLER = "的";
  var BOOST = "^10";
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
  var post = Worker.prototype.postMessage;

  var WORD = /^_*[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*_*$/;  // hooks/search_keys.py WORD_RE
  var KEY_PREFIX = "00";  // hooks/search_keys.py KEY_PREFIX
  var CAMEL = /[a-z0-9][A-Z]|[A-Z]{2}[a-z]/;

  function folded(word) {
    if (!WORD.test(word) || !(/[-_.]/.test(word) || CAMEL.test(word))) return null;
    return KEY_PREFIX + word.toLowerCase().replace(/[^a-z0-9]/g, "");
  }

  /* hooks/search_keys.py cli_keys: "openstack server set --state active" also
     searches "0copenstackserverset0 0copenstackserversetstate0". */
  var CLI_WORD = /^[a-z][a-z0-9-]*$/;
  function cliKeys(query) {
    var words = query.toLowerCase().trim().split(/\s+/);
    if (words[0] !== "openstack" && words[0] !== "nova") return [];
    var verbs = [];
    var option = "";
    for (var i = 0; i < words.length; i++) {
      if (words[i].charAt(0) === "-") {
        option = words[i].replace(/^-+/, "").split("=")[0];
        break;
      }
      if (!CLI_WORD.test(words[i])) break;
      verbs.push(words[i]);
    }
    if (verbs.length < 2) return [];
    var base = verbs.join("").replace(/[^a-z0-9]/g, "");
    var keys = ["0c" + base + "0"];
    if (option && CLI_WORD.test(option)) keys.push("0c" + base + option.replace(/[^a-z0-9]/g, "") + "0");
    return keys;
  }

  function rewrite(query) {
    var data = query.replace(/(^|\s)--(?=[\w\u4e00-\u9fff])/g, "$1");
    var keys = data.split(/\s+/).map(folded).filter(Boolean).concat(cliKeys(query));
    if (keys.length) {
      data += " " + keys.join(" ");
    }
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

  function squash(text) {
    return text.toLowerCase().replace(/[^a-z0-9\u3400-\u9fff]/g, "");
  }

  function uncoveredAction(query) {
    var data = window.__uncoveredActions;
    var wanted = squash(query);
    if (!data || wanted.length < 3) return null;
    return data.actions.filter(function (a) {
      return [a.action, a.en, a.zh].some(function (name) { return squash(name) === wanted; });
    })[0] || null;
  }

  function showHint(input) {
    var result = document.querySelector(".md-search-result");
    if (!result) return;
    var old = result.querySelector(".osw-search-hint");
    if (old) old.remove();
    var action = uncoveredAction(input.value);
    if (!action) return;
    var script = document.querySelector('script[src*="uncovered-actions.js"]');
    var index = new URL("../../" + window.__uncoveredActions.index, script.src).href;
    var hint = document.createElement("div");
    hint.className = "osw-search-hint";
    hint.setAttribute("role", "note");
    var link = document.createElement("a");
    link.href = index;
    link.textContent = "操作索引 · operations index";
    hint.append(
      "“" + action.zh + " · " + action.en + "” (" + action.action + ")：本站尚无此操作的页面 · " +
      "this site has no page for it yet. ", link
    );
    result.insertBefore(hint, result.firstChild);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) showHint(event.target);
  });
})();
