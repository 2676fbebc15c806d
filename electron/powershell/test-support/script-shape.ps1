# TEST SUPPORT: reads the shape of product scripts with PowerShell's own parser, for the contract
# tests (electron/probes/script-contract.test.ts, electron/fixes/fix-script-contract.test.ts).
# Input: a manifest (JSON array of { name, text }). Output: one JSON array, per script:
#   error      - why the script does not follow the contract (parse error, no final return, ...)
#   finalKeys  - keys of the last top-level statement, `return [ordered]@{ ... }`, in source order
#   returns    - keys of every `return [ordered]@{ ... }` anywhere in the script
#   undos      - every `undo = [ordered]@{ ... }` entry: its `kind` constant and its keys
# Keys must be constants (bareword, 'quoted' or "quoted" without expansion): anything else is an
# error, so a construct this reader does not understand fails a test instead of passing silently.
param([Parameter(Mandatory = $true)][string]$Manifest)
$ErrorActionPreference = 'Stop'
$items = @(Get-Content -LiteralPath $Manifest -Raw -Encoding utf8 | ConvertFrom-Json)

function Get-OrderedHashtable {
  # The hashtable of `[ordered]@{ ... }` when $Statement is exactly that expression, else $null.
  param($Statement)
  if ($Statement -isnot [System.Management.Automation.Language.PipelineAst]) { return $null }
  if ($Statement.PipelineElements.Count -ne 1) { return $null }
  $element = $Statement.PipelineElements[0]
  if ($element -isnot [System.Management.Automation.Language.CommandExpressionAst]) { return $null }
  $expression = $element.Expression
  if ($expression -isnot [System.Management.Automation.Language.ConvertExpressionAst]) { return $null }
  if ($expression.Type.TypeName.Name -ne 'ordered') { return $null }
  if ($expression.Child -isnot [System.Management.Automation.Language.HashtableAst]) { return $null }
  return $expression.Child
}

function Get-HashtableKeys {
  param($Hashtable)
  $keys = @()
  foreach ($pair in $Hashtable.KeyValuePairs) {
    $key = $pair.Item1
    if ($key -isnot [System.Management.Automation.Language.StringConstantExpressionAst]) {
      throw "unsupported hashtable entry at line $($key.Extent.StartLineNumber): $($key.Extent.Text)"
    }
    $keys += [string]$key.Value
  }
  return ,$keys
}

function Get-ReturnedHashtable {
  param($Ast)
  if ($Ast -isnot [System.Management.Automation.Language.ReturnStatementAst] -or $null -eq $Ast.Pipeline) { return $null }
  return Get-OrderedHashtable -Statement $Ast.Pipeline
}

function Read-ScriptShape {
  param([string]$Text)
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
  if ($errors.Count -gt 0) {
    $first = $errors[0]
    throw "parse error at line $($first.Extent.StartLineNumber): $($first.Message)"
  }
  $statements = @($ast.EndBlock.Statements)
  $topReturns = @($statements | Where-Object { $null -ne (Get-ReturnedHashtable -Ast $_) })
  if ($topReturns.Count -eq 0) { throw 'no top-level `return [ordered]@{ ... }`' }
  $last = $statements[$statements.Count - 1]
  if (-not [object]::ReferenceEquals($last, $topReturns[$topReturns.Count - 1])) {
    throw "code follows the final return (line $($last.Extent.StartLineNumber)); the return must be the last statement"
  }
  $finalKeys = Get-HashtableKeys -Hashtable (Get-ReturnedHashtable -Ast $last)

  $returns = @()
  foreach ($node in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.ReturnStatementAst] }, $true)) {
    $hashtable = Get-ReturnedHashtable -Ast $node
    if ($null -ne $hashtable) { $returns += , (Get-HashtableKeys -Hashtable $hashtable) }
  }

  $undos = @()
  foreach ($table in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.HashtableAst] }, $true)) {
    foreach ($pair in $table.KeyValuePairs) {
      $isUndo = $pair.Item1 -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $pair.Item1.Value -eq 'undo'
      if (-not $isUndo) { continue }
      $record = Get-OrderedHashtable -Statement $pair.Item2
      if ($null -eq $record) { continue } # `undo = $null`
      $kind = $null
      foreach ($entry in $record.KeyValuePairs) {
        if ($entry.Item1.Value -ne 'kind') { continue }
        $value = $entry.Item2.PipelineElements[0].Expression
        if ($value -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $kind = [string]$value.Value }
      }
      $undos += [ordered]@{ kind = $kind; keys = (Get-HashtableKeys -Hashtable $record) }
    }
  }
  return [ordered]@{ finalKeys = $finalKeys; returns = $returns; undos = $undos }
}

$shapes = @()
foreach ($item in $items) {
  try {
    $shape = Read-ScriptShape -Text ([string]$item.text)
    $shapes += [ordered]@{ name = $item.name; error = $null; finalKeys = $shape.finalKeys; returns = $shape.returns; undos = $shape.undos }
  } catch {
    $shapes += [ordered]@{ name = $item.name; error = [string]$_.Exception.Message; finalKeys = @(); returns = @(); undos = @() }
  }
}
ConvertTo-Json -InputObject $shapes -Depth 6 -Compress
