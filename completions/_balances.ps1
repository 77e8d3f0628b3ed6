
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'balances' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'balances'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'balances' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('boca', 'boca', [CompletionResultType]::ParameterValue, 'Boca Raton Partner API (HMAC-signed)')
            [CompletionResult]::new('noah', 'noah', [CompletionResultType]::ParameterValue, 'NOAH Business API (ES384/ES256 JWT per request)')
            [CompletionResult]::new('ibanera', 'ibanera', [CompletionResultType]::ParameterValue, 'Ibanera Customer API (login + TOTP + bearer token)')
            [CompletionResult]::new('p100', 'p100', [CompletionResultType]::ParameterValue, 'P100 Partner API (API key); balances only')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'A signed, authenticated GET (or HEAD) of any path of a provider''s API, as `gh api`')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Every balance of every provider configured in the profile (and its `users`)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Append balance snapshots and new transactions to a ledger database, exactly once')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Check that the ledger''s transactions account for every change in its balances (exit 11 on a mismatch)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check config, credentials'' sources, keyring, TLS and clock skew')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store, remove or inspect credentials in the OS keyring')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create, locate or show the config file')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run the built-in emulator of the provider APIs on loopback')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;boca' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every balance of one user (or of many, with --users-file)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'A user''s transactions: one page by default, --all for every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;boca;get-balances' {
            [CompletionResult]::new('--users-file', '--users-file', [CompletionResultType]::ParameterName, 'Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many users to fetch at once (with --users-file)')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;boca;get-transactions' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1 to 100) [default: 25]')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page (1 to 100) [default: 25]')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this cursor (a previous run''s next_cursor)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, following pages as needed')
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'Export only what is new since the last successful run with this file (created if missing)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow every page')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;boca;help' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every balance of one user (or of many, with --users-file)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'A user''s transactions: one page by default, --all for every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;boca;help;get-balances' {
            break
        }
        'balances;boca;help;get-transactions' {
            break
        }
        'balances;boca;help;help' {
            break
        }
        'balances;noah' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every balance of the business account (all pages)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'Transactions: one page by default, --all for every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;noah;get-balances' {
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;noah;get-transactions' {
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page (1 to 100) [default: 20]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1 to 100) [default: 20]')
            [CompletionResult]::new('--page-token', '--page-token', [CompletionResultType]::ParameterName, 'Start at this page token (a previous run''s next_cursor)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this page token (a previous run''s next_cursor)')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by creation time [default: desc]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, following pages as needed')
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'Export only what is new since the last successful run with this file (created if missing)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow every page')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;noah;help' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every balance of the business account (all pages)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'Transactions: one page by default, --all for every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;noah;help;get-balances' {
            break
        }
        'balances;noah;help;get-transactions' {
            break
        }
        'balances;noah;help;help' {
            break
        }
        'balances;ibanera' {
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every asset account''s balance (all pages)')
            [CompletionResult]::new('get-card-balances', 'get-card-balances', [CompletionResultType]::ParameterValue, 'Every card''s balance (all pages)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'An account''s transactions: one page by default, --all for every page')
            [CompletionResult]::new('get-card-transactions', 'get-card-transactions', [CompletionResultType]::ParameterValue, 'Card transactions, of one card or all: one page by default, --all for every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;ibanera;get-balances' {
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page (every page is followed)')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;ibanera;get-card-balances' {
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page (every page is followed)')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;ibanera;get-transactions' {
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'The asset account id (from get-balances'' account_id)')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page (1 to 500)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1 to 500)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Start at this page number (a previous run''s next_cursor)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this page number (a previous run''s next_cursor)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, following pages as needed')
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'Export only what is new since the last successful run with this file (created if missing)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow every page')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;ibanera;get-card-transactions' {
            [CompletionResult]::new('--card', '--card', [CompletionResultType]::ParameterName, 'Only this card (from get-card-balances'' account_id)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this date or time (ISO 8601, UTC), e.g. 2026-03-01')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this date or time (ISO 8601, UTC)')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Items per page (1 to 500)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page (1 to 500)')
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Start at this page number (a previous run''s next_cursor)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Start at this page number (a previous run''s next_cursor)')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, following pages as needed')
            [CompletionResult]::new('--state-file', '--state-file', [CompletionResultType]::ParameterName, 'Export only what is new since the last successful run with this file (created if missing)')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Follow every page')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;ibanera;help' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every asset account''s balance (all pages)')
            [CompletionResult]::new('get-card-balances', 'get-card-balances', [CompletionResultType]::ParameterValue, 'Every card''s balance (all pages)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'An account''s transactions: one page by default, --all for every page')
            [CompletionResult]::new('get-card-transactions', 'get-card-transactions', [CompletionResultType]::ParameterValue, 'Card transactions, of one card or all: one page by default, --all for every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;ibanera;help;get-balances' {
            break
        }
        'balances;ibanera;help;get-card-balances' {
            break
        }
        'balances;ibanera;help;get-transactions' {
            break
        }
        'balances;ibanera;help;get-card-transactions' {
            break
        }
        'balances;ibanera;help;help' {
            break
        }
        'balances;p100' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every fiat and crypto balance of one user (or of many, with --users-file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;p100;get-balances' {
            [CompletionResult]::new('--users-file', '--users-file', [CompletionResultType]::ParameterName, 'Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many users to fetch at once (with --users-file)')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;p100;help' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every fiat and crypto balance of one user (or of many, with --users-file)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;p100;help;get-balances' {
            break
        }
        'balances;p100;help;help' {
            break
        }
        'balances;api' {
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'A query parameter, percent-encoded for you (repeatable)')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'GET or HEAD; no other method is sent')
            [CompletionResult]::new('--method', '--method', [CompletionResultType]::ParameterName, 'GET or HEAD; no other method is sent')
            [CompletionResult]::new('--otp', '--otp', [CompletionResultType]::ParameterName, 'Ibanera: a one-time code typed by hand, instead of the TOTP shared secret')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Print the status line and the response headers (credentials as ***) before the body')
            [CompletionResult]::new('--include', '--include', [CompletionResultType]::ParameterName, 'Print the status line and the response headers (credentials as ***) before the body')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Follow the provider''s pagination (Boca nextCursor, NOAH PageToken, Ibanera page numbers); each page''s body on one line')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request that would be sent (secrets as ***) and send nothing')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;summary' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only these providers (repeatable)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many lookups to run at once')
            [CompletionResult]::new('--min', '--min', [CompletionResultType]::ParameterName, 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;sync' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger: a SQLite file (created if missing) or a postgres:// URL')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only these providers (repeatable)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many users or accounts to sync at once')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;reconcile' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger `sync` wrote: a SQLite file or a postgres:// URL')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only these providers (repeatable)')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Only these users or accounts (repeatable; an account id matches too)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Open at the snapshot at or before this time (RFC 3339 or YYYY-MM-DD) [default: the first]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Close at the snapshot at or before this time [default: the latest]')
            [CompletionResult]::new('--basis', '--basis', [CompletionResultType]::ParameterName, 'The snapshot figure rolled forward [default: total where the provider has one, else available]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--each', '--each', [CompletionResultType]::ParameterName, 'One row per consecutive pair of snapshots (to find the window where a difference appeared)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;export' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The ledger `sync` wrote: a SQLite file or a postgres:// URL')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The journal''s tool')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only these providers (repeatable)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only transactions and snapshots from this time (RFC 3339 or YYYY-MM-DD)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only transactions and snapshots up to this time')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;doctor' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only these providers (repeatable) [default: those configured in the profile]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;auth' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove a secret from the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each credential comes from (never its value)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;auth;set' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;auth;delete' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;auth;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;auth;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove a secret from the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each credential comes from (never its value)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;auth;help;set' {
            break
        }
        'balances;auth;help;delete' {
            break
        }
        'balances;auth;help;status' {
            break
        }
        'balances;auth;help;help' {
            break
        }
        'balances;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented template to the config path')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration of the profile, secrets redacted')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a key''s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;config;init' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;config;path' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;config;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;config;get' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;config;set' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;config;profiles' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;config;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented template to the config path')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration of the profile, secrets redacted')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a key''s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;config;help;init' {
            break
        }
        'balances;config;help;path' {
            break
        }
        'balances;config;help;show' {
            break
        }
        'balances;config;help;get' {
            break
        }
        'balances;config;help;set' {
            break
        }
        'balances;config;help;profiles' {
            break
        }
        'balances;config;help;help' {
            break
        }
        'balances;sandbox' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Loopback address to listen on')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for the generated demo data')
            [CompletionResult]::new('--transactions', '--transactions', [CompletionResultType]::ParameterName, 'Transactions in each user''s history')
            [CompletionResult]::new('--users', '--users', [CompletionResultType]::ParameterName, 'Generated users besides the seed examples (user-00001 ...)')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Answer 429 past N requests per second (`5` or `5/s`)')
            [CompletionResult]::new('--fail-rate', '--fail-rate', [CompletionResultType]::ParameterName, 'Fail this fraction of requests with a 5xx (or p100 P501), e.g. 0.2')
            [CompletionResult]::new('--fail-first', '--fail-first', [CompletionResultType]::ParameterName, 'Fail the first N requests with a 5xx')
            [CompletionResult]::new('--throttle-first', '--throttle-first', [CompletionResultType]::ParameterName, 'Answer the first N requests 429 with `Retry-After: 1`')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The sandbox''s clock, pinned (RFC 3339 or Unix seconds): its living histories and balances, and its checks of timestamps and one-time codes [default: the wall clock]')
            [CompletionResult]::new('--hide-transaction', '--hide-transaction', [CompletionResultType]::ParameterName, 'Leave this transaction out of its listing while its balance still counts it (for `balances reconcile` to find)')
            [CompletionResult]::new('--latency-ms', '--latency-ms', [CompletionResultType]::ParameterName, 'Delay every response by this many milliseconds')
            [CompletionResult]::new('--token-ttl', '--token-ttl', [CompletionResultType]::ParameterName, 'Lifetime of Ibanera access tokens, in seconds')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;completions' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/balances/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in the config file [default: defaults.profile, else "default"]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, else json]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-request timeout in seconds')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for GET requests on 429, 5xx, timeouts and connection errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour on stderr (NO_COLOR is honoured)')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print each provider response body on one line, compacted, instead of the unified schema')
            [CompletionResult]::new('--no-pager', '--no-pager', [CompletionResultType]::ParameterName, 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only errors on stderr')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Start the built-in sandbox in-process and use its demo credentials')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'balances;help' {
            [CompletionResult]::new('boca', 'boca', [CompletionResultType]::ParameterValue, 'Boca Raton Partner API (HMAC-signed)')
            [CompletionResult]::new('noah', 'noah', [CompletionResultType]::ParameterValue, 'NOAH Business API (ES384/ES256 JWT per request)')
            [CompletionResult]::new('ibanera', 'ibanera', [CompletionResultType]::ParameterValue, 'Ibanera Customer API (login + TOTP + bearer token)')
            [CompletionResult]::new('p100', 'p100', [CompletionResultType]::ParameterValue, 'P100 Partner API (API key); balances only')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'A signed, authenticated GET (or HEAD) of any path of a provider''s API, as `gh api`')
            [CompletionResult]::new('summary', 'summary', [CompletionResultType]::ParameterValue, 'Every balance of every provider configured in the profile (and its `users`)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Append balance snapshots and new transactions to a ledger database, exactly once')
            [CompletionResult]::new('reconcile', 'reconcile', [CompletionResultType]::ParameterValue, 'Check that the ledger''s transactions account for every change in its balances (exit 11 on a mismatch)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check config, credentials'' sources, keyring, TLS and clock skew')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store, remove or inspect credentials in the OS keyring')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Create, locate or show the config file')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run the built-in emulator of the provider APIs on loopback')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'balances;help;boca' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every balance of one user (or of many, with --users-file)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'A user''s transactions: one page by default, --all for every page')
            break
        }
        'balances;help;boca;get-balances' {
            break
        }
        'balances;help;boca;get-transactions' {
            break
        }
        'balances;help;noah' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every balance of the business account (all pages)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'Transactions: one page by default, --all for every page')
            break
        }
        'balances;help;noah;get-balances' {
            break
        }
        'balances;help;noah;get-transactions' {
            break
        }
        'balances;help;ibanera' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every asset account''s balance (all pages)')
            [CompletionResult]::new('get-card-balances', 'get-card-balances', [CompletionResultType]::ParameterValue, 'Every card''s balance (all pages)')
            [CompletionResult]::new('get-transactions', 'get-transactions', [CompletionResultType]::ParameterValue, 'An account''s transactions: one page by default, --all for every page')
            [CompletionResult]::new('get-card-transactions', 'get-card-transactions', [CompletionResultType]::ParameterValue, 'Card transactions, of one card or all: one page by default, --all for every page')
            break
        }
        'balances;help;ibanera;get-balances' {
            break
        }
        'balances;help;ibanera;get-card-balances' {
            break
        }
        'balances;help;ibanera;get-transactions' {
            break
        }
        'balances;help;ibanera;get-card-transactions' {
            break
        }
        'balances;help;p100' {
            [CompletionResult]::new('get-balances', 'get-balances', [CompletionResultType]::ParameterValue, 'Every fiat and crypto balance of one user (or of many, with --users-file)')
            break
        }
        'balances;help;p100;get-balances' {
            break
        }
        'balances;help;api' {
            break
        }
        'balances;help;summary' {
            break
        }
        'balances;help;sync' {
            break
        }
        'balances;help;reconcile' {
            break
        }
        'balances;help;export' {
            break
        }
        'balances;help;doctor' {
            break
        }
        'balances;help;auth' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove a secret from the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Where each credential comes from (never its value)')
            break
        }
        'balances;help;auth;set' {
            break
        }
        'balances;help;auth;delete' {
            break
        }
        'balances;help;auth;status' {
            break
        }
        'balances;help;config' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented template to the config path')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration of the profile, secrets redacted')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a key''s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles of the config file')
            break
        }
        'balances;help;config;init' {
            break
        }
        'balances;help;config;path' {
            break
        }
        'balances;help;config;show' {
            break
        }
        'balances;help;config;get' {
            break
        }
        'balances;help;config;set' {
            break
        }
        'balances;help;config;profiles' {
            break
        }
        'balances;help;sandbox' {
            break
        }
        'balances;help;completions' {
            break
        }
        'balances;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
