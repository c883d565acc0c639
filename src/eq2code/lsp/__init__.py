"""The language server (`eq2code lsp`): LSP messages in, engine calls, diagnostics out."""
