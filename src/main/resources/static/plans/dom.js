/*
 * Small DOM helpers shared by the plan dashboard and the reports page: elements and inline SVG built with
 * setAttribute/textContent only, never from HTML strings.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';

  function apply(node, attrs, text) {
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  window.TdktDom = {
    $: function (id) { return document.getElementById(id); },
    el: function (tag, attrs, text) { return apply(document.createElement(tag), attrs, text); },
    svg: function (tag, attrs, text) { return apply(document.createElementNS(SVG, tag), attrs, text); },
    clear: function (node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  };
})();
