;;; emacs-eglot-check.el --- Check the README's Emacs (eglot) setup for real, in batch mode.
;;
;; emacs --batch -l scripts/editors/emacs-eglot-check.el FILE
;;
;; Loads the same lines the README gives, opens FILE, starts fragment-language-server (from PATH) through eglot and
;; prints each diagnostic flymake receives, one per line: "LINE:COLUMN TYPE MESSAGE", then "diagnostics: N".
;; Exits 1 when none arrive within 30 seconds. test/package/editors.test.ts runs it.

(require 'package)
(package-initialize)

;;; --- The README's lines ---
(define-derived-mode fragment-mode text-mode "Fragment")
(add-to-list 'auto-mode-alist '("\\.fragment\\(\\.txt\\|\\.md\\)?\\'" . fragment-mode))
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(fragment-mode . ("fragment-language-server" "--stdio"))))
(add-hook 'fragment-mode-hook #'eglot-ensure)
;;; --- end ---

(require 'eglot)
(require 'flymake)

(let ((file (car command-line-args-left)))
  (setq command-line-args-left nil)
  (find-file file)
  ;; eglot-ensure starts the server after the command that opened the buffer; batch mode runs no command loop.
  (run-hooks 'post-command-hook)
  (let ((deadline (+ (float-time) 30)))
    (while (and (< (float-time) deadline)
                (not (and (eglot-current-server) (flymake-diagnostics))))
      (accept-process-output nil 0.1)))
  (let ((diagnostics (sort (flymake-diagnostics)
                           (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
    (dolist (d diagnostics)
      (let ((beg (flymake-diagnostic-beg d)))
        (princ (format "%d:%d %s %s\n"
                       (line-number-at-pos beg)
                       (save-excursion (goto-char beg) (1+ (current-column)))
                       (flymake-diagnostic-type d)
                       (flymake-diagnostic-text d)))))
    (princ (format "diagnostics: %d\n" (length diagnostics)))
    (when (eglot-current-server) (eglot-shutdown (eglot-current-server)))
    (kill-emacs (if diagnostics 0 1))))
