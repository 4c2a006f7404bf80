// The scorecard editor's live weight sum: adds up the weight inputs as they are typed. The page
// works without it (the server shows the sum after saving and refuses a profile that is not 100 %).
(function () {
  const form = document.getElementById('scorecard-form');
  const out = document.getElementById('weight-sum');
  const state = document.getElementById('weight-sum-state');
  if (!form || !out) return;
  // Hundredths as integers: 33.33 + 33.33 + 33.34 is exactly 100.
  function update() {
    let sum = 0;
    let bad = false;
    form.querySelectorAll('input.weight').forEach(function (input) {
      const text = input.value.trim();
      if (text === '') return;
      if (!/^\d+(\.\d{1,2})?$/.test(text)) { bad = true; return; }
      const parts = text.split('.');
      sum += parseInt(parts[0], 10) * 100 + (parts[1] ? parseInt((parts[1] + '0').slice(0, 2), 10) : 0);
    });
    const shown = (sum / 100).toFixed(2).replace(/\.?0+$/, '');
    out.textContent = shown + ' %';
    out.dataset.sum = shown;
    if (bad) {
      state.textContent = 'a weight is not a number with at most 2 decimals';
    } else if (sum === 10000) {
      state.textContent = 'sums to 100 %';
    } else {
      state.textContent = (sum < 10000 ? (100 - sum / 100).toFixed(2).replace(/\.?0+$/, '') + ' % missing'
        : (sum / 100 - 100).toFixed(2).replace(/\.?0+$/, '') + ' % too much') + ': must be exactly 100 %';
    }
    out.classList.toggle('off', bad || sum !== 10000);
  }
  form.addEventListener('input', update);
  update();
})();
