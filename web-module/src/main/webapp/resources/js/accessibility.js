// Fixes to what PrimeFaces draws in the browser (issue 18, item 11). A date picker's calendar button
// is drawn by script named "Choose Date" over a hidden "ui-button" text; it is named here after its
// field's visible label ("Calendar for Date of birth (dd/mm/yyyy)"), now and whenever an
// Ajax update draws it again. A file of its own: the Content-Security-Policy refuses inline script.
(function () {
    function labelOf(input) {
        var label = input && input.id ? document.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
        return label ? label.textContent.replace(/\s+/g, ' ').trim() : 'the date';
    }
    function nameTriggers(root) {
        var buttons = root.querySelectorAll ? root.querySelectorAll('button.ui-datepicker-trigger') : [];
        buttons.forEach(function (button) {
            var input = button.parentNode ? button.parentNode.querySelector('input') : null;
            var name = 'Calendar for ' + labelOf(input);
            if (button.getAttribute('aria-label') !== name) {
                button.setAttribute('aria-label', name);
            }
        });
    }
    function start() {
        nameTriggers(document);
        new MutationObserver(function (changes) {
            changes.forEach(function (change) {
                change.addedNodes.forEach(function (node) {
                    if (node.nodeType === 1) {
                        nameTriggers(node.parentNode || node);
                    }
                });
            });
        }).observe(document.body, {childList: true, subtree: true});
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
