// Names for the controls PrimeFaces draws in the browser without one (issue 18, item 11). A date
// picker's calendar button is drawn by script with only a hidden "ui-button" text; it is named here
// after its field's visible label ("Calendar for Date of birth (dd/mm/yyyy)"), now and whenever an
// Ajax update draws it again. A file of its own: the Content-Security-Policy refuses inline script.
(function () {
    function labelOf(input) {
        var label = input && input.id ? document.querySelector('label[for="' + CSS.escape(input.id) + '"]') : null;
        return label ? label.textContent.replace(/\s+/g, ' ').trim() : 'the date';
    }
    function nameTriggers(root) {
        var buttons = root.querySelectorAll ? root.querySelectorAll('button.ui-datepicker-trigger') : [];
        buttons.forEach(function (button) {
            if (!button.hasAttribute('aria-label')) {
                var input = button.parentNode ? button.parentNode.querySelector('input') : null;
                button.setAttribute('aria-label', 'Calendar for ' + labelOf(input));
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
