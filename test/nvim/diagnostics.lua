-- Headless Neovim as an LSP client of `plan lsp --stdio` (test/lsp-neovim.test.ts): opens a
-- plan file, waits for its diagnostics, changes a figure, waits for the diagnostic of the new
-- value, and writes what it saw as JSON. vim.lsp.start_client works from Neovim 0.7 (Debian 12);
-- the README's vim.lsp.start (0.8+) is a wrapper of it.
local bin, file, needle, from, to, out = os.getenv('PLAN_BIN'), os.getenv('PLAN_FILE'), os.getenv('PLAN_NEEDLE'), os.getenv('PLAN_FROM'), os.getenv('PLAN_TO'), os.getenv('PLAN_OUT')
local seen = { before = {}, after = {}, errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(seen) }, out)
  vim.cmd('qall!')
end

local client = vim.lsp.start_client({
  name = 'plan',
  cmd = { 'node', bin, 'lsp', '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  init_options = { lang = 'en' },
  on_error = function(code) table.insert(seen.errors, tostring(code)) end,
})
vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client)

local function list()
  local result = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code
    table.insert(result, { line = d.lnum, severity = d.severity, code = code, message = d.message })
  end
  return result
end

if not vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50) then
  table.insert(seen.errors, 'no diagnostics after opening')
  return finish()
end
seen.before = list()

local line = vim.fn.search(needle, 'w')
local text = vim.api.nvim_buf_get_lines(0, line - 1, line, false)[1]
vim.api.nvim_buf_set_lines(0, line - 1, line, false, { (text:gsub(from, to, 1)) })
seen.changed = line - 1
local changed = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.message:find(to, 1, true) then return true end
  end
  return false
end, 50)
if not changed then table.insert(seen.errors, 'no diagnostic of the new value') end
seen.after = list()
vim.lsp.stop_client(client)
finish()
