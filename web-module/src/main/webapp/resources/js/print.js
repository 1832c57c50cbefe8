// The print view's button (an inline onclick would be refused by the Content-Security-Policy).
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('print-button');
    if (button) {
        button.addEventListener('click', function () { window.print(); });
    }
});
