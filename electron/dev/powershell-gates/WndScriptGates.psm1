using namespace System.Management.Automation.Language

# Static gates for the PowerShell the app ships, built on PowerShell's own parser
# ([System.Management.Automation.Language.Parser]::ParseInput). Runs in pwsh 7 on Linux CI; the
# scripts it judges run in Windows PowerShell 5.1, possibly in Constrained Language Mode.
#
# Rule families (a problem's rule is "<family>/<what>"):
#   syntax            the parser's own errors (includes try without catch/finally)
#   non-ascii         scripts travel as command lines / JSON literals and must stay ASCII
#   invoke-expression strings are never evaluated as code (the one session command is exempt)
#   ps7-only          parses or runs only in PowerShell 6/7, not in Windows PowerShell 5.1
#   clm               a .NET use Constrained Language Mode (AppLocker/WDAC) forbids
#   gate-marker       a malformed "# wnd-gate:" / "# wnd-language:" comment
#
# Opt-outs, kept deliberately narrow:
#   "# wnd-gate: allow <rule-or-family> -- <reason>" on the line where the problem starts;
#   "# wnd-language: FullLanguage -- <reason>" as a whole-line comment: clm problems of that
#     script are reported but never blocking (the script asserts Full Language Mode itself);
#   code in the then-branch of "if (Test-WndFullLanguage)" (or of the equivalent
#     "$ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage'") is not a clm problem.
#
# Sources for the ps7-only list (checked 2026; versions are when PowerShell added the feature):
#   - What's New in PowerShell 7.0 / 7.1 / 7.2 / 7.3 / 7.4 / 7.5:
#     https://learn.microsoft.com/powershell/scripting/whats-new/what-s-new-in-powershell-70
#     (ternary, ?? and ??=, ?. and ?[], && and ||, ForEach-Object -Parallel, Get-Error,
#     ConvertFrom-Json -AsHashtable/-Depth/-NoEnumerate), ...-71 (Get-Date -AsUTC,
#     -UnixTimeSeconds), ...-73 (clean block, generic method call syntax), ...-74
#     (Start-Process -Environment), ...-75 (ConvertTo-CliXml, ConvertFrom-Json -DateKind).
#   - Differences between Windows PowerShell 5.1 and PowerShell 7.x:
#     https://learn.microsoft.com/powershell/scripting/whats-new/differences-from-windows-powershell
#     (-Encoding Byte replaced by -AsByteStream, utf8NoBOM/utf8BOM encodings, web cmdlet parameters,
#     Join-String, Test-Json, Remove-Alias, Get-Uptime, Markdown cmdlets, $IsWindows & co.)
#   - about_Pipeline_Chain_Operators, about_Operators (ternary, null-coalescing, null-conditional),
#     about_Special_Characters ("`u{x}" and "`e" are 6.0+), about_ANSI_Terminals ($PSStyle, 7.2).
#   - PSScriptAnalyzer UseCompatibleSyntax (PowerShell/PSScriptAnalyzer PR #1426) for the AST shapes.
# Sources for the clm rules: about_Language_Modes (ConstrainedLanguage: only "core types" may be
# created, converted to, have methods invoked or properties set; Add-Type and COM are blocked) and
# checks run on pwsh 7.6.10 with LanguageMode = ConstrainedLanguage: static property READS of any
# type work ([Environment]::MachineName, [Text.Encoding]::UTF8, [IO.FileAttributes]::X), method
# calls on them do not; ToString() works on any object; enums may be converted to.

Set-StrictMode -Version 3.0

$script:AsciiPattern = [regex]'[^\x00-\x7F]'
$script:AllowMarker = [regex]'^#\s*wnd-gate:\s*allow\s+(?<rule>[a-z0-9/-]+)\s+--\s+\S'
$script:LanguageMarker = [regex]'^#\s*wnd-language:\s*FullLanguage\s+--\s+\S'

# --- ps7-only tables -------------------------------------------------------------------------

# Commands Windows PowerShell 5.1 does not have at all.
$script:Ps7Commands = @{
  'Get-Error' = '7.0'; 'Join-String' = '6.2'; 'Test-Json' = '6.1'; 'Remove-Alias' = '6.0'
  'Get-Uptime' = '6.0'; 'ConvertFrom-Markdown' = '6.1'; 'Show-Markdown' = '6.1'
  'Get-MarkdownOption' = '6.1'; 'Set-MarkdownOption' = '6.1'; 'Remove-Service' = '6.0'
  'Get-ExperimentalFeature' = '6.2'; 'Enable-ExperimentalFeature' = '6.2'
  'Disable-ExperimentalFeature' = '6.2'; 'ConvertTo-CliXml' = '7.5'; 'ConvertFrom-CliXml' = '7.5'
  'Get-SecureRandom' = '7.4'; 'Start-ThreadJob' = '7.0'; 'Get-PSSubsystem' = '7.3'
}

# Parameters 5.1's version of a command lacks (names as the 7.x help spells them).
$script:Ps7Parameters = @{
  'ForEach-Object' = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
  'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
  'ConvertTo-Json' = @('EscapeHandling', 'AsArray', 'EnumsAsStrings')
  'Get-Content' = @('AsByteStream')
  'Set-Content' = @('AsByteStream')
  'Add-Content' = @('AsByteStream')
  'Invoke-RestMethod' = @('Authentication', 'SkipCertificateCheck', 'Token', 'SslProtocol', 'SkipHeaderValidation',
    'NoProxy', 'Form', 'ResponseHeadersVariable', 'StatusCodeVariable', 'SkipHttpErrorCheck',
    'AllowUnencryptedAuthentication', 'MaximumRetryCount', 'RetryIntervalSec', 'Resume', 'CustomMethod',
    'PreserveAuthorizationOnRedirect', 'HttpVersion', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds',
    'AllowInsecureRedirect', 'PreserveHttpMethodOnRedirect', 'UnixSocket', 'FollowRelLink', 'MaximumFollowRelLink')
  'Invoke-WebRequest' = @('Authentication', 'SkipCertificateCheck', 'Token', 'SslProtocol', 'SkipHeaderValidation',
    'NoProxy', 'Form', 'StatusCodeVariable', 'SkipHttpErrorCheck', 'AllowUnencryptedAuthentication',
    'MaximumRetryCount', 'RetryIntervalSec', 'Resume', 'CustomMethod', 'PreserveAuthorizationOnRedirect',
    'HttpVersion', 'ConnectionTimeoutSeconds', 'OperationTimeoutSeconds', 'AllowInsecureRedirect',
    'PreserveHttpMethodOnRedirect', 'UnixSocket')
  'Where-Object' = @('Not')
  'Get-Date' = @('AsUTC', 'UnixTimeSeconds')
  'Start-Process' = @('Environment')
  'Join-Path' = @('AdditionalChildPath')
  'Split-Path' = @('Extension', 'LeafBase')
  'Sort-Object' = @('Top', 'Bottom', 'Stable')
  'Select-String' = @('Raw', 'NoEmphasis')
  'Out-String' = @('NoNewline')
  'Get-Random' = @('Shuffle')
  'Import-Module' = @('UseWindowsPowerShell')
  'Test-Connection' = @('TargetName', 'TcpPort', 'Ping', 'TraceRoute', 'MtuSize', 'Repeat', 'IPv4', 'IPv6', 'ResolveDestination')
  'Get-Command' = @('UseFuzzyMatching', 'UseAbbreviationExpansion')
  'Get-ChildItem' = @('FollowSymlink')
}

# -Encoding values 5.1 refuses (it knows Unknown, String, Unicode, BigEndianUnicode, UTF8, UTF7,
# UTF32, ASCII, Default, OEM, Byte). Numeric code pages are 7.1+.
$script:Ps7Encodings = @('utf8NoBOM', 'utf8BOM', 'ansi', 'latin1', 'bigendianutf32')

# Automatic variables that do not exist in 5.1 (so they read as $null there, silently).
$script:Ps7Variables = @('PSStyle', 'IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'EnabledExperimentalFeatures',
  'PSNativeCommandArgumentPassing', 'PSNativeCommandUseErrorActionPreference')

# Aliases worth resolving: the commands above are often written this way.
$script:Aliases = @{
  '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; '?' = 'Where-Object'; 'where' = 'Where-Object'
  'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'type' = 'Get-Content'; 'sc' = 'Set-Content'; 'ac' = 'Add-Content'
  'irm' = 'Invoke-RestMethod'; 'iwr' = 'Invoke-WebRequest'; 'curl' = 'Invoke-WebRequest'; 'wget' = 'Invoke-WebRequest'
  'iex' = 'Invoke-Expression'; 'sort' = 'Sort-Object'; 'sls' = 'Select-String'; 'gci' = 'Get-ChildItem'
  'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem'; 'saps' = 'Start-Process'; 'start' = 'Start-Process'
  'ipmo' = 'Import-Module'; 'gcm' = 'Get-Command'
}

# --- clm tables ------------------------------------------------------------------------------

# The engine's own list of CLM core types (7.6), minus what 7.x added to it: the scripts run in
# 5.1, whose list lacks these (about_Language_Modes, 5.1 edition; PowerShell-Docs PR #11979).
$script:CoreTypes = & {
  $field = [psobject].Assembly.GetType('System.Management.Automation.CoreTypes').GetField('Items',
    [Reflection.BindingFlags]'Static,NonPublic,Public')
  $set = [System.Collections.Generic.HashSet[type]]::new()
  foreach ($type in $field.GetValue($null).Value.Keys) { [void]$set.Add($type) }
  foreach ($name in @('System.Management.Automation.SemanticVersion', 'System.Management.Automation.ExperimentAction',
      'System.Management.Automation.ExperimentalAttribute', 'System.Management.Automation.ExperimentalFeature',
      'System.Management.Automation.Language.NoRunspaceAffinityAttribute',
      'System.Management.Automation.ValidateNotNullOrWhiteSpaceAttribute',
      'System.Management.Automation.ArgumentCompletionsAttribute',
      'System.Collections.Specialized.OrderedDictionary')) {
    $type = $name -as [type]
    if ($null -ne $type) { [void]$set.Remove($type) }
  }
  , $set
}

# Intrinsic members PowerShell adds to every object; CLM allows them.
$script:IntrinsicMethods = @('ToString', 'Where', 'ForEach')

# --- helpers ---------------------------------------------------------------------------------

function New-WndProblem {
  param($Item, $Extent, [string]$Rule, [string]$Message, [bool]$Blocking = $true, [int]$Line = 0, [int]$Column = 0)
  if ($null -ne $Extent) { $Line = $Extent.StartLineNumber; $Column = $Extent.StartColumnNumber }
  [pscustomobject]@{
    name = $Item.name; line = $Line; column = $Column; rule = $Rule; message = $Message; blocking = $Blocking
  }
}

function Test-WndCoreType {
  # Is $Type something CLM lets a script create, convert to, call methods on or set properties of?
  param([type]$Type, [switch]$AllowEnum)
  if ($null -eq $Type) { return $false }
  if ($Type.IsArray) { return (Test-WndCoreType -Type $Type.GetElementType() -AllowEnum:$AllowEnum) }
  if ($AllowEnum -and $Type.IsEnum) { return $true }
  return $script:CoreTypes.Contains($Type)
}

function Get-WndCommandName {
  # The command a CommandAst runs, module qualifier stripped and common aliases resolved.
  param($CommandAst)
  $name = $CommandAst.GetCommandName()
  if ($null -eq $name) { return $null }
  $name = $name -replace '^[\w.]+\\', ''
  if ($script:Aliases.ContainsKey($name)) { return $script:Aliases[$name] }
  return $name
}

function Test-WndFullLanguageCondition {
  # A pipeline that is true only in Full Language Mode: "Test-WndFullLanguage",
  # "$ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage'", or either of them as one
  # operand of -and ("(Test-WndFullLanguage) -and $null -ne $codePage").
  param($Condition)
  if ($Condition -isnot [PipelineAst] -or $Condition.PipelineElements.Count -ne 1) { return $false }
  $element = $Condition.PipelineElements[0]
  if ($element -is [CommandAst]) {
    return ($element.CommandElements.Count -eq 1 -and $element.GetCommandName() -eq 'Test-WndFullLanguage')
  }
  if ($element -is [CommandExpressionAst]) { return (Test-WndFullLanguageExpression -Expression $element.Expression) }
  return $false
}

function Test-WndFullLanguageExpression {
  param($Expression)
  if ($Expression -is [ParenExpressionAst]) { return (Test-WndFullLanguageCondition -Condition $Expression.Pipeline) }
  if ($Expression -is [BinaryExpressionAst]) {
    if ($Expression.Operator -eq 'And') {
      return ((Test-WndFullLanguageExpression -Expression $Expression.Left) -or (Test-WndFullLanguageExpression -Expression $Expression.Right))
    }
    return ($Expression.Operator -in @('Ieq', 'Eq', 'Ceq') -and $Expression.Left.Extent.Text -eq '$ExecutionContext.SessionState.LanguageMode' -and
      $Expression.Right -is [StringConstantExpressionAst] -and $Expression.Right.Value -eq 'FullLanguage')
  }
  return $false
}

function Test-WndLeavesUnlessFullLanguage {
  # "Assert-WndFullLanguage ..." or "if (-not (Test-WndFullLanguage)) { ...; return|throw|exit }"
  # (no else): every later statement of the same block runs only in Full Language Mode.
  param($Statement)
  if ($Statement -is [PipelineAst] -and $Statement.PipelineElements.Count -eq 1 -and $Statement.PipelineElements[0] -is [CommandAst]) {
    return ($Statement.PipelineElements[0].GetCommandName() -eq 'Assert-WndFullLanguage')
  }
  if ($Statement -isnot [IfStatementAst] -or $Statement.Clauses.Count -ne 1 -or $null -ne $Statement.ElseClause) { return $false }
  $condition = $Statement.Clauses[0].Item1
  if ($condition -isnot [PipelineAst] -or $condition.PipelineElements.Count -ne 1 -or $condition.PipelineElements[0] -isnot [CommandExpressionAst]) { return $false }
  $negation = $condition.PipelineElements[0].Expression
  if ($negation -isnot [UnaryExpressionAst] -or $negation.TokenKind -notin @('Not', 'Exclaim')) { return $false }
  if (-not (Test-WndFullLanguageExpression -Expression $negation.Child)) { return $false }
  $body = $Statement.Clauses[0].Item2.Statements
  if ($body.Count -eq 0) { return $false }
  $last = $body[$body.Count - 1]
  return ($last -is [ReturnStatementAst] -or $last -is [ThrowStatementAst] -or $last -is [ExitStatementAst])
}

function Test-WndInFullLanguageBranch {
  # Does $Ast run only in Full Language Mode: inside the then-branch of a Full Language test, or
  # after a statement that leaves the block otherwise?
  param($Ast)
  $child = $Ast
  for ($parent = $Ast.Parent; $null -ne $parent; $parent = $parent.Parent) {
    if ($parent -is [IfStatementAst]) {
      foreach ($clause in $parent.Clauses) {
        if ([object]::ReferenceEquals($clause.Item2, $child) -and (Test-WndFullLanguageCondition -Condition $clause.Item1)) {
          return $true
        }
      }
    }
    if ($parent -is [StatementBlockAst] -or $parent -is [NamedBlockAst]) {
      foreach ($statement in $parent.Statements) {
        if ([object]::ReferenceEquals($statement, $child)) { break }
        if (Test-WndLeavesUnlessFullLanguage -Statement $statement) { return $true }
      }
    }
    $child = $parent
  }
  return $false
}

function Get-WndSkippedLines {
  # Composed scripts embed files that are checked on their own; only the glue is judged again.
  # Index = line number; one array per script, so the per-node test is a lookup.
  param($Item, [int]$LineCount)
  $skipped = [bool[]]::new($LineCount + 2)
  foreach ($range in @($Item.skipLines)) {
    if ($null -eq $range) { continue }
    for ($line = [Math]::Max(1, $range[0]); $line -le [Math]::Min($range[1], $LineCount); $line++) { $skipped[$line] = $true }
  }
  return , $skipped
}

function Group-WndNodes {
  # One walk of the tree, bucketed by node type: rules then loop over plain lists (one FindAll
  # per rule costs a script block call per node per rule, which made a full run take 20 s).
  # Nodes in skipped lines go to All only, so embedded files are not judged twice.
  param($Ast, [bool[]]$Skipped)
  $own = @{}
  $all = @{}
  foreach ($node in $Ast.FindAll({ $true }, $true)) {
    $kind = $node.GetType().Name
    if (-not $all.ContainsKey($kind)) { $all[$kind] = [System.Collections.Generic.List[object]]::new() }
    $all[$kind].Add($node)
    if ($Skipped[$node.Extent.StartLineNumber]) { continue }
    if (-not $own.ContainsKey($kind)) { $own[$kind] = [System.Collections.Generic.List[object]]::new() }
    $own[$kind].Add($node)
  }
  $own['All'] = $all
  return $own
}

function Get-WndNodes {
  param($Nodes, [string[]]$Kinds)
  foreach ($kind in $Kinds) { if ($Nodes.ContainsKey($kind)) { $Nodes[$kind] } }
}

# --- rules -----------------------------------------------------------------------------------

function Find-WndNonAscii {
  param($Item, [string]$Text)
  $lineNumber = 0
  foreach ($line in $Text -split "`n") {
    $lineNumber++
    $match = $script:AsciiPattern.Match($line)
    if ($match.Success) {
      $code = 'U+{0:X4}' -f [int][char]$match.Value
      $hint = if ($match.Value -eq [string][char]0xFEFF) { ' (byte order mark; save as ASCII)' } else { '' }
      New-WndProblem -Item $Item -Extent $null -Line $lineNumber -Column ($match.Index + 1) -Rule 'non-ascii' `
        -Message "non-ASCII character $code$hint"
    }
  }
}

function Find-WndInvokeExpression {
  param($Item, $Nodes)
  foreach ($command in (Get-WndNodes $Nodes 'CommandAst')) {
    $hits = @()
    if ((Get-WndCommandName -CommandAst $command) -eq 'Invoke-Expression') { $hits += $command }
    # Bareword arguments: Set-Alias run Invoke-Expression, & (Get-Command iex) ...
    for ($i = 1; $i -lt $command.CommandElements.Count; $i++) {
      $element = $command.CommandElements[$i]
      if ($element -is [StringConstantExpressionAst] -and $element.Value -match '^(?:[\w.]+\\)?(?:Invoke-Expression|iex)$') {
        $hits += $element
      }
    }
    foreach ($hit in $hits) {
      New-WndProblem -Item $Item -Extent $hit.Extent -Rule 'invoke-expression/call' `
        -Message "'$($hit.Extent.Text.Split(' ')[0])' evaluates strings as code; call the command directly"
    }
  }
}

function Get-WndParameterNameMatch {
  # Which forbidden parameter does "-Given" bind to? PowerShell accepts unambiguous prefixes.
  param([string]$Given, [string[]]$Forbidden)
  foreach ($name in $Forbidden) {
    if ($name -eq $Given -or ($Given.Length -ge 3 -and $name.StartsWith($Given, [StringComparison]::OrdinalIgnoreCase))) { return $name }
  }
  return $null
}

function Find-WndPs7Syntax {
  param($Item, $Nodes, $Tokens)
  foreach ($n in (Get-WndNodes $Nodes 'TernaryExpressionAst')) {
    New-WndProblem $Item $n.Extent 'ps7-only/ternary' "ternary 'a ? b : c' is PowerShell 7.0+; use if/else"
  }
  foreach ($n in (Get-WndNodes $Nodes 'BinaryExpressionAst')) {
    if ($n.Operator -eq 'QuestionQuestion') {
      New-WndProblem $Item $n.Extent 'ps7-only/null-coalescing' "'??' is PowerShell 7.0+; use if (`$null -eq ...)"
    } elseif ($n.Operator -eq 'DotDot' -and $n.Left -is [StringConstantExpressionAst] -and
      $n.Right -is [StringConstantExpressionAst] -and $n.Left.Value.Length -eq 1 -and $n.Right.Value.Length -eq 1) {
      New-WndProblem $Item $n.Extent 'ps7-only/char-range' "a character range 'a'..'z' is PowerShell 6.0+"
    }
  }
  foreach ($n in (Get-WndNodes $Nodes 'AssignmentStatementAst')) {
    if ($n.Operator -eq 'QuestionQuestionEquals') {
      New-WndProblem $Item $n.Extent 'ps7-only/null-coalescing' "'??=' is PowerShell 7.0+; use if (`$null -eq ...)"
    }
  }
  foreach ($n in (Get-WndNodes $Nodes 'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst')) {
    if ($n.NullConditional) {
      New-WndProblem $Item $n.Extent 'ps7-only/null-conditional' "'?.' and '?[]' are PowerShell 7.1+; test for `$null first"
    }
    if ($n -is [InvokeMemberExpressionAst] -and $null -ne $n.GenericTypeArguments -and $n.GenericTypeArguments.Count -gt 0) {
      New-WndProblem $Item $n.Extent 'ps7-only/generic-method-call' "generic method call syntax .Method[T]() is PowerShell 7.3+"
    }
  }
  foreach ($n in (Get-WndNodes $Nodes 'PipelineChainAst')) {
    # Report the outermost chain only: a && b && c nests.
    if ($n.Parent -isnot [PipelineChainAst]) {
      New-WndProblem $Item $n.Extent 'ps7-only/pipeline-chain' "'&&' / '||' are PowerShell 7.0+; use if (`$?) or try/catch"
    }
  }
  foreach ($n in (Get-WndNodes $Nodes 'PipelineAst', 'PipelineChainAst')) {
    if ($n.PSObject.Properties['Background'] -and $n.Background) {
      New-WndProblem $Item $n.Extent 'ps7-only/background-operator' "the background operator '&' is PowerShell 6.0+; use Start-Job"
    }
  }
  foreach ($n in (Get-WndNodes $Nodes 'ScriptBlockAst')) {
    if ($null -ne $n.CleanBlock) {
      New-WndProblem $Item $n.CleanBlock.Extent 'ps7-only/clean-block' "a 'clean {}' block is PowerShell 7.3+; use try/finally"
    }
  }
  foreach ($n in (Get-WndNodes $Nodes 'VariableExpressionAst')) {
    $name = $n.VariablePath.UserPath
    if ($n.VariablePath.IsUnqualified -and $script:Ps7Variables -contains $name) {
      # "$IsWindows -eq $false" is a deliberate 5.1-aware test ($null there); "if ($IsWindows)" is the bug.
      $parent = $n.Parent
      if ($name -like 'Is*' -and $parent -is [BinaryExpressionAst] -and $parent.Operator -in @('Eq', 'Ieq', 'Ceq', 'Ne', 'Ine', 'Cne')) {
        $other = if ([object]::ReferenceEquals($parent.Left, $n)) { $parent.Right } else { $parent.Left }
        if ($other -is [VariableExpressionAst] -and $other.VariablePath.UserPath -in @('true', 'false', 'null')) { continue }
      }
      New-WndProblem $Item $n.Extent 'ps7-only/variable' "`$$name does not exist in Windows PowerShell 5.1 (it reads as `$null there)"
    }
  }
  foreach ($token in $Tokens) {
    if ($token.Kind -in @('StringExpandable', 'HereStringExpandable')) {
      # An odd run of backticks escapes; "``u{" is a literal backtick.
      if ($token.Text -match '(?<!`)(?:``)*`u\{') {
        New-WndProblem $Item $token.Extent 'ps7-only/unicode-escape' '"`u{...}" is PowerShell 6.0+; 5.1 prints it literally; use [char]0x....'
      }
      if ($token.Text -cmatch '(?<!`)(?:``)*`e') {
        New-WndProblem $Item $token.Extent 'ps7-only/escape-e' '"`e" is PowerShell 6.0+; use [char]27'
      }
    }
  }
  foreach ($command in (Get-WndNodes $Nodes 'CommandAst')) {
    $name = Get-WndCommandName -CommandAst $command
    if ($null -eq $name) { continue }
    if ($script:Ps7Commands.ContainsKey($name)) {
      New-WndProblem $Item $command.CommandElements[0].Extent 'ps7-only/command' "$name is PowerShell $($script:Ps7Commands[$name])+; Windows PowerShell 5.1 has no such command"
    }
    $forbidden = $script:Ps7Parameters[$name]
    $elements = $command.CommandElements
    for ($i = 1; $i -lt $elements.Count; $i++) {
      $element = $elements[$i]
      if ($element -isnot [CommandParameterAst]) { continue }
      if ($null -ne $forbidden) {
        $hit = Get-WndParameterNameMatch -Given $element.ParameterName -Forbidden $forbidden
        if ($null -ne $hit) {
          $hint = if ($hit -eq 'AsByteStream') { ' (5.1: -Encoding Byte)' } else { '' }
          New-WndProblem $Item $element.Extent 'ps7-only/parameter' "$name -$hit is not in Windows PowerShell 5.1$hint"
        }
      }
      if ($element.ParameterName -eq 'Encoding') {
        $value = $element.Argument
        if ($null -eq $value -and $i + 1 -lt $elements.Count) { $value = $elements[$i + 1] }
        if ($value -is [StringConstantExpressionAst] -or $value -is [ConstantExpressionAst]) {
          $text = [string]$value.Value
          if ($script:Ps7Encodings -contains $text -or $text -match '^\d+$') {
            New-WndProblem $Item $value.Extent 'ps7-only/encoding' "-Encoding $text is PowerShell 6.0+; 5.1 knows UTF8 (with BOM), Unicode, ASCII, Default, OEM, Byte"
          }
        }
      }
    }
  }
}

$script:TypeCache = @{}

function Resolve-WndType {
  # Cached: a name that does not resolve makes PowerShell scan every loaded assembly.
  param([string]$Name, $TypeName)
  if (-not $script:TypeCache.ContainsKey($Name)) {
    $type = $null
    try { $type = if ($null -ne $TypeName) { $TypeName.GetReflectionType() } else { $Name -as [type] } } catch { $type = $null }
    $script:TypeCache[$Name] = $type
  }
  return $script:TypeCache[$Name]
}

function Get-WndStaticType {
  # The type a type literal names, or $null when it does not resolve here (on Linux, pwsh 7).
  param($TypeExpression)
  return Resolve-WndType -Name $TypeExpression.TypeName.FullName -TypeName $TypeExpression.TypeName
}

$script:MemberTypeCache = @{}

function Get-WndMemberType {
  # Type of a property/field or the return type of a method, when every overload agrees.
  param([type]$Type, [string]$Member, [bool]$Static, [bool]$Invoke)
  $key = '{0}|{1}|{2}|{3}' -f $Type.AssemblyQualifiedName, $Member.ToLowerInvariant(), $Static, $Invoke
  if (-not $script:MemberTypeCache.ContainsKey($key)) {
    $script:MemberTypeCache[$key] = Find-WndMemberType -Type $Type -Member $Member -Static $Static -Invoke $Invoke
  }
  return $script:MemberTypeCache[$key]
}

function Find-WndMemberType {
  param([type]$Type, [string]$Member, [bool]$Static, [bool]$Invoke)
  $flags = [Reflection.BindingFlags]'Public,FlattenHierarchy,IgnoreCase'
  $flags = $flags -bor $(if ($Static) { [Reflection.BindingFlags]::Static } else { [Reflection.BindingFlags]::Instance })
  if ($Invoke) {
    if ($Member -eq 'new') { return $Type }
    $returns = foreach ($m in $Type.GetMethods($flags)) { if ($m.Name -eq $Member) { $m.ReturnType } }
  } else {
    $returns = @(foreach ($m in $Type.GetProperties($flags)) { if ($m.Name -eq $Member) { $m.PropertyType } }) +
      @(foreach ($m in $Type.GetFields($flags)) { if ($m.Name -eq $Member) { $m.FieldType } })
  }
  $distinct = @($returns | Sort-Object -Unique -Property AssemblyQualifiedName)
  if ($distinct.Count -eq 1) { return $distinct[0] }
  return $null
}

function Get-WndInferredType {
  # A small, sound-where-it-answers type inference: type literals, their members, New-Object,
  # casts, $_ in a catch block, and variables whose every assignment infers the same type.
  param($Expression, $Context)
  if ($null -eq $Expression) { return $null }
  if ($Expression -is [ParenExpressionAst]) {
    $pipeline = $Expression.Pipeline
    if ($pipeline -is [PipelineAst] -and $pipeline.PipelineElements.Count -eq 1) {
      $only = $pipeline.PipelineElements[0]
      if ($only -is [CommandExpressionAst]) { return Get-WndInferredType -Expression $only.Expression -Context $Context }
      if ($only -is [CommandAst]) { return Get-WndCommandType -Command $only }
    }
    return $null
  }
  if ($Expression -is [ConvertExpressionAst]) {
    if ($Expression.Type.TypeName.FullName -eq 'ordered') { return [System.Collections.Specialized.OrderedDictionary] }
    return Resolve-WndType -Name $Expression.Type.TypeName.FullName -TypeName $Expression.Type.TypeName
  }
  if ($Expression -is [TypeExpressionAst]) { return [type] }
  if ($Expression -is [StringConstantExpressionAst] -or $Expression -is [ExpandableStringExpressionAst]) { return [string] }
  if ($Expression -is [MemberExpressionAst]) {
    if ($Expression.Member -isnot [StringConstantExpressionAst]) { return $null }
    $invoke = $Expression -is [InvokeMemberExpressionAst]
    if ($Expression.Static -and $Expression.Expression -is [TypeExpressionAst]) {
      $owner = Get-WndStaticType -TypeExpression $Expression.Expression
      if ($null -eq $owner) { return $null }
      return Get-WndMemberType -Type $owner -Member $Expression.Member.Value -Static $true -Invoke $invoke
    }
    $owner = Get-WndInferredType -Expression $Expression.Expression -Context $Context
    if ($null -eq $owner) { return $null }
    return Get-WndMemberType -Type $owner -Member $Expression.Member.Value -Static $false -Invoke $invoke
  }
  if ($Expression -is [VariableExpressionAst]) {
    $name = $Expression.VariablePath.UserPath
    if ($name -in @('_', 'PSItem')) {
      for ($p = $Expression.Parent; $null -ne $p; $p = $p.Parent) {
        if ($p -is [CatchClauseAst]) { return [System.Management.Automation.ErrorRecord] }
        if ($p -is [ScriptBlockExpressionAst] -or $p -is [FunctionDefinitionAst]) { return $null }
      }
      return $null
    }
    return Get-WndVariableType -Name $name -Context $Context
  }
  return $null
}

function Get-WndCommandType {
  param($Command)
  if ((Get-WndCommandName -CommandAst $Command) -ne 'New-Object') { return $null }
  $typeName = Get-WndNewObjectTypeName -Command $Command
  if ($null -eq $typeName) { return $null }
  return Resolve-WndType -Name $typeName
}

function Get-WndVariableType {
  param([string]$Name, $Context)
  $key = $Name.ToLowerInvariant()
  if ($Context.VariableTypes.ContainsKey($key)) { return $Context.VariableTypes[$key] }
  $Context.VariableTypes[$key] = $null # recursion guard: $a = $a.Next
  $types = @()
  foreach ($assignment in $Context.Assignments) {
    $left = $assignment.Left
    if ($left -is [ConvertExpressionAst]) { $left = $left.Child }
    if ($left -isnot [VariableExpressionAst] -or $left.VariablePath.UserPath -ne $Name) { continue }
    if ($assignment.Operator -ne 'Equals') { $types += $null; continue }
    $right = $assignment.Right
    $type = $null
    if ($right -is [CommandExpressionAst]) { $type = Get-WndInferredType -Expression $right.Expression -Context $Context }
    elseif ($right -is [PipelineAst] -and $right.PipelineElements.Count -eq 1 -and $right.PipelineElements[0] -is [CommandAst]) {
      $type = Get-WndCommandType -Command $right.PipelineElements[0]
    }
    $types += $type
  }
  $result = $null
  if ($types.Count -gt 0 -and $null -ne $types[0]) {
    $result = $types[0]
    foreach ($t in $types) { if ($null -eq $t -or $t -ne $result) { $result = $null; break } }
  }
  $Context.VariableTypes[$key] = $result
  return $result
}

function Get-WndNewObjectTypeName {
  param($Command)
  $elements = $Command.CommandElements
  for ($i = 1; $i -lt $elements.Count; $i++) {
    $element = $elements[$i]
    if ($element -is [CommandParameterAst]) {
      if ($element.ParameterName -match '^(?:T|Ty|Typ|Type|TypeN|TypeNa|TypeNam|TypeName)$') {
        $value = if ($null -ne $element.Argument) { $element.Argument } elseif ($i + 1 -lt $elements.Count) { $elements[$i + 1] } else { $null }
        if ($value -is [StringConstantExpressionAst]) { return $value.Value }
        return $null
      }
      if ($element.ParameterName -match '^(?:Com|ComObject|C|Co)') { return $null }
      # Any other named parameter takes the next element as its argument (ArgumentList, Property).
      if ($null -eq $element.Argument -and $element.ParameterName -notmatch '^Strict$') { $i++ }
      continue
    }
    if ($element -is [StringConstantExpressionAst]) { return $element.Value }
    return $null
  }
  return $null
}

function Find-WndClm {
  param($Item, $Nodes, [bool]$Blocking)
  # Inference reads every assignment, including those in embedded (skipped) lines.
  $context = @{ Assignments = @(Get-WndNodes $Nodes.All 'AssignmentStatementAst'); VariableTypes = @{} }
  $report = {
    param($Node, [string]$Rule, [string]$Message)
    if (-not (Test-WndInFullLanguageBranch -Ast $Node)) {
      New-WndProblem -Item $Item -Extent $Node.Extent -Rule $Rule -Message $Message -Blocking $Blocking
    }
  }
  $typeLabel = { param($TypeExpression) $TypeExpression.TypeName.FullName }

  foreach ($n in (Get-WndNodes $Nodes 'InvokeMemberExpressionAst')) {
    if ($n.Member -isnot [StringConstantExpressionAst]) {
      & $report $n 'clm/method' 'dynamic method name: cannot tell whether Constrained Language Mode allows it'
      continue
    }
    $method = $n.Member.Value
    if ($n.Static -and $n.Expression -is [TypeExpressionAst]) {
      $type = Get-WndStaticType -TypeExpression $n.Expression
      $label = & $typeLabel $n.Expression
      if ($method -eq 'new') {
        if (-not (Test-WndCoreType -Type $type)) { & $report $n 'clm/new-object' "[$label]::new() creates a type Constrained Language Mode does not allow" }
      } elseif (-not (Test-WndCoreType -Type $type)) {
        & $report $n 'clm/static-method' "[$label]::$method() is a method call on a type Constrained Language Mode does not allow"
      }
      continue
    }
    if ($script:IntrinsicMethods -contains $method) { continue }
    $owner = Get-WndInferredType -Expression $n.Expression -Context $context
    if ($null -ne $owner -and -not (Test-WndCoreType -Type $owner -AllowEnum)) {
      & $report $n 'clm/method' ".$method() is called on a [$($owner.FullName)], not a type Constrained Language Mode allows"
    }
  }

  foreach ($n in (Get-WndNodes $Nodes 'AssignmentStatementAst')) {
    $left = $n.Left
    if ($left -is [MemberExpressionAst] -and $left.Static -and $left.Expression -is [TypeExpressionAst]) {
      $type = Get-WndStaticType -TypeExpression $left.Expression
      if (-not (Test-WndCoreType -Type $type)) {
        & $report $n 'clm/property-set' "setting [$(& $typeLabel $left.Expression)]::$($left.Member) is not allowed in Constrained Language Mode"
      }
    } elseif ($left -is [MemberExpressionAst] -and -not $left.Static) {
      $owner = Get-WndInferredType -Expression $left.Expression -Context $context
      if ($null -ne $owner -and -not (Test-WndCoreType -Type $owner)) {
        & $report $n 'clm/property-set' "setting .$($left.Member) of a [$($owner.FullName)] is not allowed in Constrained Language Mode"
      }
    }
  }

  foreach ($n in (Get-WndNodes $Nodes 'ConvertExpressionAst')) {
    $name = $n.Type.TypeName.FullName
    if ($name -eq 'ordered') { continue }
    if ($name -in @('pscustomobject', 'System.Management.Automation.PSCustomObject')) {
      & $report $n 'clm/conversion' '[pscustomobject]@{} is refused in Constrained Language Mode; use New-Object PSObject -Property or a hashtable'
      continue
    }
    $type = Resolve-WndType -Name $name -TypeName $n.Type.TypeName
    if (-not (Test-WndCoreType -Type $type -AllowEnum)) {
      & $report $n 'clm/conversion' "conversion to [$name] is not allowed in Constrained Language Mode (not a core type)"
    }
  }

  foreach ($command in (Get-WndNodes $Nodes 'CommandAst')) {
    $name = Get-WndCommandName -CommandAst $command
    if ($name -eq 'Add-Type') {
      & $report $command 'clm/add-type' 'Add-Type is blocked in Constrained Language Mode'
    } elseif ($name -eq 'New-Object') {
      $com = $false
      foreach ($e in $command.CommandElements) { if ($e -is [CommandParameterAst] -and $e.ParameterName -match '^Com') { $com = $true } }
      if ($com) {
        & $report $command 'clm/com' 'New-Object -ComObject is blocked in Constrained Language Mode'
        continue
      }
      $typeName = Get-WndNewObjectTypeName -Command $command
      $type = if ($null -ne $typeName) { Resolve-WndType -Name $typeName } else { $null }
      if (-not (Test-WndCoreType -Type $type)) {
        $shown = if ($null -ne $typeName) { $typeName } else { '(a computed type name)' }
        & $report $command 'clm/new-object' "New-Object $shown creates a type Constrained Language Mode does not allow"
      }
    }
  }
}

# --- entry point -----------------------------------------------------------------------------

function Invoke-WndScriptGates {
  <#
  .SYNOPSIS
  Checks each item and returns its problems as objects: name, line, column, rule, message, blocking.
  .PARAMETER Items
  Objects with name, text, and flags: productRules (ps7-only and clm apply), allowInvokeExpression,
  skipLines (line ranges [first, last] judged elsewhere: only syntax and non-ascii apply there).
  .PARAMETER ClmMode
  Report: clm problems never block (while scripts are being converted). Block: they block, except
  in scripts declaring "# wnd-language: FullLanguage -- <reason>".
  #>
  param([Parameter(Mandatory = $true)][AllowEmptyCollection()][object[]]$Items, [ValidateSet('Report', 'Block')][string]$ClmMode = 'Report')
  foreach ($item in $Items) {
    $text = [string]$item.text
    $tokens = $null
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($text, [string]$item.name, [ref]$tokens, [ref]$errors)
    $problems = [System.Collections.Generic.List[object]]::new()
    $skipped = Get-WndSkippedLines -Item $item -LineCount ($ast.Extent.EndLineNumber + 1)
    foreach ($e in $errors) {
      $problems.Add((New-WndProblem -Item $item -Extent $e.Extent -Rule 'syntax' -Message "$($e.Message) [$($e.ErrorId)]"))
    }
    # Everything but syntax errors is judged once, in the file it comes from (skipLines).
    $judged = [System.Collections.Generic.List[object]]::new()
    foreach ($p in @(Find-WndNonAscii -Item $item -Text $text)) { $judged.Add($p) }

    # Markers live in comments; a malformed one is reported rather than silently ignored.
    $allowed = @{}
    $fullLanguage = $false
    $markerTokens = if ($text -match 'wnd-(?:gate|language):') { $tokens } else { @() }
    foreach ($token in $markerTokens) {
      if ($token.Kind -ne 'Comment') { continue }
      $comment = $token.Text
      $line = $token.Extent.StartLineNumber
      if ($comment -match '^#\s*wnd-gate:') {
        $m = $script:AllowMarker.Match($comment)
        if ($m.Success) {
          if (-not $allowed.ContainsKey($line)) { $allowed[$line] = @() }
          $allowed[$line] += $m.Groups['rule'].Value
        } else {
          $judged.Add((New-WndProblem -Item $item -Extent $token.Extent -Rule 'gate-marker' -Message "expected '# wnd-gate: allow <rule> -- <reason>'"))
        }
      }
      if ($comment -match '^#\s*wnd-language:') {
        $lineText = $token.Extent.StartScriptPosition.Line
        if ($script:LanguageMarker.IsMatch($comment) -and $lineText.Trim() -eq $comment.Trim()) {
          $fullLanguage = $true
        } else {
          $judged.Add((New-WndProblem -Item $item -Extent $token.Extent -Rule 'gate-marker' -Message "expected a whole-line '# wnd-language: FullLanguage -- <reason>'"))
        }
      }
    }

    # AST rules only on a tree without errors: a broken tree would produce noise, and the
    # syntax errors already fail the run.
    if ($errors.Count -eq 0) {
      $ruleAst = $ast
      $ruleTokens = $tokens
      if (@($item.skipLines).Count -gt 0) {
        # Composed text: judge only the glue. Embedded files are complete scripts, so blanking
        # their lines keeps the glue's structure (and its line numbers); when it does not parse,
        # judge the whole text instead. Costs: 40 composed scripts of ~500 lines each.
        $lines = $text -split "`n"
        for ($i = 0; $i -lt $lines.Count; $i++) { if ($skipped[$i + 1]) { $lines[$i] = '' } }
        $glueTokens = $null
        $glueErrors = $null
        $glue = [System.Management.Automation.Language.Parser]::ParseInput(($lines -join "`n"), [string]$item.name, [ref]$glueTokens, [ref]$glueErrors)
        if ($glueErrors.Count -eq 0) { $ruleAst = $glue; $ruleTokens = $glueTokens }
      }
      $nodes = Group-WndNodes -Ast $ruleAst -Skipped $skipped
      if (-not $item.allowInvokeExpression) { foreach ($p in @(Find-WndInvokeExpression -Item $item -Nodes $nodes)) { $judged.Add($p) } }
      if ($item.productRules) {
        foreach ($p in @(Find-WndPs7Syntax -Item $item -Nodes $nodes -Tokens $ruleTokens)) { $judged.Add($p) }
        $clmBlocking = ($ClmMode -eq 'Block') -and -not $fullLanguage
        foreach ($p in @(Find-WndClm -Item $item -Nodes $nodes -Blocking $clmBlocking)) { $judged.Add($p) }
      }
    }
    foreach ($p in $judged) {
      if ($skipped[$p.line]) { continue }
      $rules = $allowed[$p.line]
      if ($p.rule -ne 'gate-marker' -and $null -ne $rules -and ($rules -contains $p.rule -or $rules -contains ($p.rule -split '/')[0])) { continue }
      $problems.Add($p)
    }
    foreach ($p in $problems) {
      Add-Member -InputObject $p -NotePropertyName 'fullLanguage' -NotePropertyValue $fullLanguage
      $p
    }
  }
}

Export-ModuleMember -Function Invoke-WndScriptGates
