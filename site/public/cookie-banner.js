// The demo sites' cookie banner: it shows until the visitor chooses; the choice is kept in
// localStorage.
(function () {
  var banner = document.querySelector('[data-cookie-banner]');
  if (!banner) return;
  var choice = null;
  try { choice = localStorage.getItem('cookie-choice'); } catch (e) {}
  if (!choice) banner.hidden = false;
  banner.addEventListener('click', function (event) {
    var value = event.target && event.target.getAttribute && event.target.getAttribute('data-cookie-choice');
    if (!value) return;
    try { localStorage.setItem('cookie-choice', value); } catch (e) {}
    banner.hidden = true;
  });
})();
