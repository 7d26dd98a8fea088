// Search in a static mirror of Iskra: finds the titles of the page's language index (iskra-mirror search-index.js)
// that hold every word searched, letters compared without case and accents. Builds the list with DOM calls only.
(function () {
  var form = document.getElementById('mirror-search');
  var list = document.getElementById('mirror-search-results');
  var status = document.getElementById('mirror-search-status');
  if (!form || !list || !status) {
    return;
  }
  var input = document.getElementById('mirror-search-q');
  var index = window.iskraMirrorIndex || [];
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;
  var words = fold(query).split(/\s+/).filter(function (word) { return word.length > 0; });
  if (words.length === 0) {
    return;
  }
  var found = 0;
  for (var i = 0; i < index.length && found < 100; i++) {
    var title = fold(index[i][0]);
    if (words.every(function (word) { return title.indexOf(word) >= 0; })) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = index[i][1];
      link.textContent = index[i][0];
      item.appendChild(link);
      list.appendChild(item);
      found++;
    }
  }
  status.textContent = found === 0 ? status.getAttribute('data-none') : '';
})();
