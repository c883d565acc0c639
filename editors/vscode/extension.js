// A minimal VS Code client for `eq2code lsp` (docs/editors.md): Python and Markdown files.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('eq2code');
  const initializationOptions = { debounce: config.get('debounce') };
  if (config.get('lang')) initializationOptions.lang = config.get('lang');
  client = new LanguageClient(
    'eq2code', 'eq2code',
    { command: config.get('command') || 'eq2code', args: ['lsp'] },
    {
      documentSelector: [{ scheme: 'file', language: 'python' }, { scheme: 'file', language: 'markdown' }],
      initializationOptions,
    });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
