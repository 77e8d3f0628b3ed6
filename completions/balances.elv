
use builtin;
use str;

set edit:completion:arg-completer[balances] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'balances'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'balances'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand boca 'Boca Raton Partner API (HMAC-signed)'
            cand noah 'NOAH Business API (ES384/ES256 JWT per request)'
            cand ibanera 'Ibanera Customer API (login + TOTP + bearer token)'
            cand p100 'P100 Partner API (API key); balances only'
            cand api 'A signed, authenticated GET (or HEAD) of any path of a provider''s API, as `gh api`'
            cand summary 'Every balance of every provider configured in the profile (and its `users`)'
            cand sync 'Append balance snapshots and new transactions to a ledger database, exactly once'
            cand reconcile 'Check that the ledger''s transactions account for every change in its balances (exit 11 on a mismatch)'
            cand export 'Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions'
            cand doctor 'Check config, credentials'' sources, keyring, TLS and clock skew'
            cand auth 'Store, remove or inspect credentials in the OS keyring'
            cand config 'Create, locate or show the config file'
            cand sandbox 'Run the built-in emulator of the provider APIs on loopback'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;boca'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get-balances 'Every balance of one user (or of many, with --users-file)'
            cand get-transactions 'A user''s transactions: one page by default, --all for every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;boca;get-balances'= {
            cand --users-file 'Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)'
            cand --concurrency 'How many users to fetch at once (with --users-file)'
            cand --min 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;boca;get-transactions'= {
            cand --limit 'Items per page (1 to 100) [default: 25]'
            cand --page-size 'Items per page (1 to 100) [default: 25]'
            cand --cursor 'Start at this cursor (a previous run''s next_cursor)'
            cand --max-items 'Stop after N items, following pages as needed'
            cand --state-file 'Export only what is new since the last successful run with this file (created if missing)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --all 'Follow every page'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;boca;help'= {
            cand get-balances 'Every balance of one user (or of many, with --users-file)'
            cand get-transactions 'A user''s transactions: one page by default, --all for every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;boca;help;get-balances'= {
        }
        &'balances;boca;help;get-transactions'= {
        }
        &'balances;boca;help;help'= {
        }
        &'balances;noah'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get-balances 'Every balance of the business account (all pages)'
            cand get-transactions 'Transactions: one page by default, --all for every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;noah;get-balances'= {
            cand --page-size 'Items per page'
            cand --min 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;noah;get-transactions'= {
            cand --page-size 'Items per page (1 to 100) [default: 20]'
            cand --limit 'Items per page (1 to 100) [default: 20]'
            cand --page-token 'Start at this page token (a previous run''s next_cursor)'
            cand --cursor 'Start at this page token (a previous run''s next_cursor)'
            cand --sort 'Order by creation time [default: desc]'
            cand --max-items 'Stop after N items, following pages as needed'
            cand --state-file 'Export only what is new since the last successful run with this file (created if missing)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --all 'Follow every page'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;noah;help'= {
            cand get-balances 'Every balance of the business account (all pages)'
            cand get-transactions 'Transactions: one page by default, --all for every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;noah;help;get-balances'= {
        }
        &'balances;noah;help;get-transactions'= {
        }
        &'balances;noah;help;help'= {
        }
        &'balances;ibanera'= {
            cand --otp 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get-balances 'Every asset account''s balance (all pages)'
            cand get-card-balances 'Every card''s balance (all pages)'
            cand get-transactions 'An account''s transactions: one page by default, --all for every page'
            cand get-card-transactions 'Card transactions, of one card or all: one page by default, --all for every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;ibanera;get-balances'= {
            cand --page-size 'Items per page (every page is followed)'
            cand --min 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section'
            cand --otp 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;ibanera;get-card-balances'= {
            cand --page-size 'Items per page (every page is followed)'
            cand --min 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section'
            cand --otp 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;ibanera;get-transactions'= {
            cand --account 'The asset account id (from get-balances'' account_id)'
            cand --page-size 'Items per page (1 to 500)'
            cand --limit 'Items per page (1 to 500)'
            cand --page 'Start at this page number (a previous run''s next_cursor)'
            cand --cursor 'Start at this page number (a previous run''s next_cursor)'
            cand --max-items 'Stop after N items, following pages as needed'
            cand --state-file 'Export only what is new since the last successful run with this file (created if missing)'
            cand --otp 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --all 'Follow every page'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;ibanera;get-card-transactions'= {
            cand --card 'Only this card (from get-card-balances'' account_id)'
            cand --from 'From this date or time (ISO 8601, UTC), e.g. 2026-03-01'
            cand --to 'Up to this date or time (ISO 8601, UTC)'
            cand --page-size 'Items per page (1 to 500)'
            cand --limit 'Items per page (1 to 500)'
            cand --page 'Start at this page number (a previous run''s next_cursor)'
            cand --cursor 'Start at this page number (a previous run''s next_cursor)'
            cand --max-items 'Stop after N items, following pages as needed'
            cand --state-file 'Export only what is new since the last successful run with this file (created if missing)'
            cand --otp 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --all 'Follow every page'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;ibanera;help'= {
            cand get-balances 'Every asset account''s balance (all pages)'
            cand get-card-balances 'Every card''s balance (all pages)'
            cand get-transactions 'An account''s transactions: one page by default, --all for every page'
            cand get-card-transactions 'Card transactions, of one card or all: one page by default, --all for every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;ibanera;help;get-balances'= {
        }
        &'balances;ibanera;help;get-card-balances'= {
        }
        &'balances;ibanera;help;get-transactions'= {
        }
        &'balances;ibanera;help;get-card-transactions'= {
        }
        &'balances;ibanera;help;help'= {
        }
        &'balances;p100'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand get-balances 'Every fiat and crypto balance of one user (or of many, with --users-file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;p100;get-balances'= {
            cand --users-file 'Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)'
            cand --concurrency 'How many users to fetch at once (with --users-file)'
            cand --min 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;p100;help'= {
            cand get-balances 'Every fiat and crypto balance of one user (or of many, with --users-file)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;p100;help;get-balances'= {
        }
        &'balances;p100;help;help'= {
        }
        &'balances;api'= {
            cand --query 'A query parameter, percent-encoded for you (repeatable)'
            cand -X 'GET or HEAD; no other method is sent'
            cand --method 'GET or HEAD; no other method is sent'
            cand --otp 'Ibanera: a one-time code typed by hand, instead of the TOTP shared secret'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand -i 'Print the status line and the response headers (credentials as ***) before the body'
            cand --include 'Print the status line and the response headers (credentials as ***) before the body'
            cand --paginate 'Follow the provider''s pagination (Boca nextCursor, NOAH PageToken, Ibanera page numbers); each page''s body on one line'
            cand --dry-run 'Print the request that would be sent (secrets as ***) and send nothing'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;summary'= {
            cand --provider 'Only these providers (repeatable)'
            cand --concurrency 'How many lookups to run at once'
            cand --min 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider''s config section'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;sync'= {
            cand --db 'The ledger: a SQLite file (created if missing) or a postgres:// URL'
            cand --provider 'Only these providers (repeatable)'
            cand --concurrency 'How many users or accounts to sync at once'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;reconcile'= {
            cand --db 'The ledger `sync` wrote: a SQLite file or a postgres:// URL'
            cand --provider 'Only these providers (repeatable)'
            cand --subject 'Only these users or accounts (repeatable; an account id matches too)'
            cand --since 'Open at the snapshot at or before this time (RFC 3339 or YYYY-MM-DD) [default: the first]'
            cand --until 'Close at the snapshot at or before this time [default: the latest]'
            cand --basis 'The snapshot figure rolled forward [default: total where the provider has one, else available]'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --each 'One row per consecutive pair of snapshots (to find the window where a difference appeared)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;export'= {
            cand --db 'The ledger `sync` wrote: a SQLite file or a postgres:// URL'
            cand --format 'The journal''s tool'
            cand --provider 'Only these providers (repeatable)'
            cand --since 'Only transactions and snapshots from this time (RFC 3339 or YYYY-MM-DD)'
            cand --until 'Only transactions and snapshots up to this time'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;doctor'= {
            cand --provider 'Only these providers (repeatable) [default: those configured in the profile]'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;auth'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand set 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)'
            cand delete 'Remove a secret from the OS keyring'
            cand status 'Where each credential comes from (never its value)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;auth;set'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;auth;delete'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;auth;status'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;auth;help'= {
            cand set 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)'
            cand delete 'Remove a secret from the OS keyring'
            cand status 'Where each credential comes from (never its value)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;auth;help;set'= {
        }
        &'balances;auth;help;delete'= {
        }
        &'balances;auth;help;status'= {
        }
        &'balances;auth;help;help'= {
        }
        &'balances;config'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand init 'Write a commented template to the config path'
            cand path 'Print the config file''s path'
            cand show 'Print the effective configuration of the profile, secrets redacted'
            cand get 'Print a key''s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)'
            cand set 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)'
            cand profiles 'List the profiles of the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;config;init'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --force 'Overwrite an existing file'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;config;path'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;config;show'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;config;get'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;config;set'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;config;profiles'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;config;help'= {
            cand init 'Write a commented template to the config path'
            cand path 'Print the config file''s path'
            cand show 'Print the effective configuration of the profile, secrets redacted'
            cand get 'Print a key''s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)'
            cand set 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)'
            cand profiles 'List the profiles of the config file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;config;help;init'= {
        }
        &'balances;config;help;path'= {
        }
        &'balances;config;help;show'= {
        }
        &'balances;config;help;get'= {
        }
        &'balances;config;help;set'= {
        }
        &'balances;config;help;profiles'= {
        }
        &'balances;config;help;help'= {
        }
        &'balances;sandbox'= {
            cand --listen 'Loopback address to listen on'
            cand --seed 'Seed for the generated demo data'
            cand --transactions 'Transactions in each user''s history'
            cand --users 'Generated users besides the seed examples (user-00001 ...)'
            cand --rate-limit 'Answer 429 past N requests per second (`5` or `5/s`)'
            cand --fail-rate 'Fail this fraction of requests with a 5xx (or p100 P501), e.g. 0.2'
            cand --fail-first 'Fail the first N requests with a 5xx'
            cand --throttle-first 'Answer the first N requests 429 with `Retry-After: 1`'
            cand --now 'The sandbox''s clock, pinned (RFC 3339 or Unix seconds): its living histories and balances, and its checks of timestamps and one-time codes [default: the wall clock]'
            cand --hide-transaction 'Leave this transaction out of its listing while its balance still counts it (for `balances reconcile` to find)'
            cand --latency-ms 'Delay every response by this many milliseconds'
            cand --token-ttl 'Lifetime of Ibanera access tokens, in seconds'
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;completions'= {
            cand --config 'Config file [default: <config dir>/balances/config.toml]'
            cand --profile 'Profile in the config file [default: defaults.profile, else "default"]'
            cand -o 'Output format [default: table on a terminal, else json]'
            cand --output 'Output format [default: table on a terminal, else json]'
            cand --base-url 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]'
            cand --timeout 'Per-request timeout in seconds'
            cand --retries 'Retries for GET requests on 429, 5xx, timeouts and connection errors'
            cand --color 'Colour on stderr (NO_COLOR is honoured)'
            cand --raw 'Print each provider response body on one line, compacted, instead of the unified schema'
            cand --no-pager 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
            cand -v 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand --verbose 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
            cand -q 'Only errors on stderr'
            cand --quiet 'Only errors on stderr'
            cand --sandbox 'Start the built-in sandbox in-process and use its demo credentials'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'balances;help'= {
            cand boca 'Boca Raton Partner API (HMAC-signed)'
            cand noah 'NOAH Business API (ES384/ES256 JWT per request)'
            cand ibanera 'Ibanera Customer API (login + TOTP + bearer token)'
            cand p100 'P100 Partner API (API key); balances only'
            cand api 'A signed, authenticated GET (or HEAD) of any path of a provider''s API, as `gh api`'
            cand summary 'Every balance of every provider configured in the profile (and its `users`)'
            cand sync 'Append balance snapshots and new transactions to a ledger database, exactly once'
            cand reconcile 'Check that the ledger''s transactions account for every change in its balances (exit 11 on a mismatch)'
            cand export 'Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions'
            cand doctor 'Check config, credentials'' sources, keyring, TLS and clock skew'
            cand auth 'Store, remove or inspect credentials in the OS keyring'
            cand config 'Create, locate or show the config file'
            cand sandbox 'Run the built-in emulator of the provider APIs on loopback'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'balances;help;boca'= {
            cand get-balances 'Every balance of one user (or of many, with --users-file)'
            cand get-transactions 'A user''s transactions: one page by default, --all for every page'
        }
        &'balances;help;boca;get-balances'= {
        }
        &'balances;help;boca;get-transactions'= {
        }
        &'balances;help;noah'= {
            cand get-balances 'Every balance of the business account (all pages)'
            cand get-transactions 'Transactions: one page by default, --all for every page'
        }
        &'balances;help;noah;get-balances'= {
        }
        &'balances;help;noah;get-transactions'= {
        }
        &'balances;help;ibanera'= {
            cand get-balances 'Every asset account''s balance (all pages)'
            cand get-card-balances 'Every card''s balance (all pages)'
            cand get-transactions 'An account''s transactions: one page by default, --all for every page'
            cand get-card-transactions 'Card transactions, of one card or all: one page by default, --all for every page'
        }
        &'balances;help;ibanera;get-balances'= {
        }
        &'balances;help;ibanera;get-card-balances'= {
        }
        &'balances;help;ibanera;get-transactions'= {
        }
        &'balances;help;ibanera;get-card-transactions'= {
        }
        &'balances;help;p100'= {
            cand get-balances 'Every fiat and crypto balance of one user (or of many, with --users-file)'
        }
        &'balances;help;p100;get-balances'= {
        }
        &'balances;help;api'= {
        }
        &'balances;help;summary'= {
        }
        &'balances;help;sync'= {
        }
        &'balances;help;reconcile'= {
        }
        &'balances;help;export'= {
        }
        &'balances;help;doctor'= {
        }
        &'balances;help;auth'= {
            cand set 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)'
            cand delete 'Remove a secret from the OS keyring'
            cand status 'Where each credential comes from (never its value)'
        }
        &'balances;help;auth;set'= {
        }
        &'balances;help;auth;delete'= {
        }
        &'balances;help;auth;status'= {
        }
        &'balances;help;config'= {
            cand init 'Write a commented template to the config path'
            cand path 'Print the config file''s path'
            cand show 'Print the effective configuration of the profile, secrets redacted'
            cand get 'Print a key''s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)'
            cand set 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)'
            cand profiles 'List the profiles of the config file'
        }
        &'balances;help;config;init'= {
        }
        &'balances;help;config;path'= {
        }
        &'balances;help;config;show'= {
        }
        &'balances;help;config;get'= {
        }
        &'balances;help;config;set'= {
        }
        &'balances;help;config;profiles'= {
        }
        &'balances;help;sandbox'= {
        }
        &'balances;help;completions'= {
        }
        &'balances;help;help'= {
        }
    ]
    $completions[$command]
}
