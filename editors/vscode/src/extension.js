// Starts `plan lsp --stdio` for the YAML files and published texts of plan folders.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = async function activate() {
  const settings = vscode.workspace.getConfiguration('plan');
  const [command, ...args] = settings.get('command') ?? ['npx', 'plan', 'lsp', '--stdio'];
  const lang = settings.get('lang');
  client = new LanguageClient(
    'plan',
    'plan',
    { command, args, options: { shell: process.platform === 'win32' } },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', pattern: '**/source.txt' },
      ],
      initializationOptions: lang ? { lang } : {},
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.yaml,source.txt}') },
    },
  );
  await client.start();
};

exports.deactivate = function deactivate() {
  return client?.stop();
};
