-- Drives `eq2code lsp` from Neovim's built-in LSP client (tests/test_neovim.py runs it):
-- open a wrong exercise, wait for the diagnostic, apply the quick fix, save, see it cleared.
-- Neovim 0.7 (Debian 12) has vim.lsp.start_client; 0.8+ also vim.lsp.start: both are used
-- as available. Parameters come in environment variables; the result goes to a JSON file.
local file = os.getenv('EQ2CODE_FILE')
local out = os.getenv('EQ2CODE_RESULT')
local cmd = vim.fn.json_decode(os.getenv('EQ2CODE_CMD'))
local result = { version = vim.version(), steps = {} }
local clock = (vim.uv or vim.loop).hrtime

local function save()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function step(name, data)
  data.name = name
  table.insert(result.steps, data)
end

local function lsp_diagnostic(d)
  -- 0.8+ keeps the whole LSP diagnostic in user_data.lsp; 0.7 only its code, data, relatedInformation
  local lsp = (d.user_data and d.user_data.lsp) or {}
  if lsp.range and lsp.message then return lsp end
  return { range = { start = { line = d.lnum, character = d.col },
                     ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
           message = d.message, severity = d.severity, code = d.code, source = d.source, data = lsp.data }
end

local function run()
  vim.cmd('filetype on')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local config = { name = 'eq2code', cmd = cmd, root_dir = vim.fn.fnamemodify(file, ':p:h'),
                   init_options = { debounce = 0.1, lang = 'en' } }
  local t0 = clock()
  local id
  if vim.lsp.start then
    id = vim.lsp.start(config)                 -- 0.8+: starts (or reuses) and attaches the buffer
  else
    id = vim.lsp.start_client(config)          -- 0.7
    vim.lsp.buf_attach_client(buf, id)
  end
  result.api = vim.lsp.start and 'vim.lsp.start' or 'vim.lsp.start_client'
  local ok = vim.wait(90000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local diags = vim.diagnostic.get(buf)
  step('diagnostics', { ok = ok, seconds = (clock() - t0) / 1e9,
                        items = vim.tbl_map(function(d)
                          return { lnum = d.lnum, col = d.col, code = d.code, message = d.message,
                                   severity = d.severity }
                        end, diags) })
  if not ok then return end
  local d = diags[1]
  local client = vim.lsp.get_client_by_id(id)
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
                   range = lsp_diagnostic(d).range,
                   context = { diagnostics = { lsp_diagnostic(d) } } }
  local response = client.request_sync('textDocument/codeAction', params, 10000, buf)
  local actions = (response and response.result) or {}
  step('code actions', { titles = vim.tbl_map(function(a) return a.title end, actions) })
  local chosen
  for _, a in ipairs(actions) do  -- a real fix first (preferred), else the suppression on this line
    if a.isPreferred and a.edit then chosen = a break end
  end
  if not chosen then
    for _, a in ipairs(actions) do
      if a.edit and a.title:find('on this line', 1, true) then chosen = a break end
    end
  end
  if not chosen then return end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  local t1 = clock()
  vim.cmd('write')
  local cleared = vim.wait(90000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  step('after the fix', { ok = cleared, title = chosen.title, seconds = (clock() - t1) / 1e9,
                          line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1],
                          left = #vim.diagnostic.get(buf) })
  client.stop()
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
save()
vim.cmd('qall!')
