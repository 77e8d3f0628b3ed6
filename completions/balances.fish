# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_balances_global_optspecs
    string join \n config= profile= o/output= raw no-pager base-url= timeout= retries= v/verbose q/quiet color= sandbox h/help V/version
end

function __fish_balances_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_balances_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_balances_using_subcommand
    set -l cmd (__fish_balances_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c balances -n "__fish_balances_needs_command" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_needs_command" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_needs_command" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_needs_command" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_needs_command" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_needs_command" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_needs_command" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_needs_command" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_needs_command" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_needs_command" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_needs_command" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_needs_command" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_needs_command" -s V -l version -d 'Print version'
complete -c balances -n "__fish_balances_needs_command" -f -a "boca" -d 'Boca Raton Partner API (HMAC-signed)'
complete -c balances -n "__fish_balances_needs_command" -f -a "noah" -d 'NOAH Business API (ES384/ES256 JWT per request)'
complete -c balances -n "__fish_balances_needs_command" -f -a "ibanera" -d 'Ibanera Customer API (login + TOTP + bearer token)'
complete -c balances -n "__fish_balances_needs_command" -f -a "p100" -d 'P100 Partner API (API key); balances only'
complete -c balances -n "__fish_balances_needs_command" -f -a "api" -d 'A signed, authenticated GET (or HEAD) of any path of a provider\'s API, as `gh api`'
complete -c balances -n "__fish_balances_needs_command" -f -a "summary" -d 'Every balance of every provider configured in the profile (and its `users`)'
complete -c balances -n "__fish_balances_needs_command" -f -a "sync" -d 'Append balance snapshots and new transactions to a ledger database, exactly once'
complete -c balances -n "__fish_balances_needs_command" -f -a "reconcile" -d 'Check that the ledger\'s transactions account for every change in its balances (exit 11 on a mismatch)'
complete -c balances -n "__fish_balances_needs_command" -f -a "export" -d 'Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions'
complete -c balances -n "__fish_balances_needs_command" -f -a "doctor" -d 'Check config, credentials\' sources, keyring, TLS and clock skew'
complete -c balances -n "__fish_balances_needs_command" -f -a "auth" -d 'Store, remove or inspect credentials in the OS keyring'
complete -c balances -n "__fish_balances_needs_command" -f -a "config" -d 'Create, locate or show the config file'
complete -c balances -n "__fish_balances_needs_command" -f -a "sandbox" -d 'Run the built-in emulator of the provider APIs on loopback'
complete -c balances -n "__fish_balances_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c balances -n "__fish_balances_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -f -a "get-balances" -d 'Every balance of one user (or of many, with --users-file)'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -f -a "get-transactions" -d 'A user\'s transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand boca; and not __fish_seen_subcommand_from get-balances get-transactions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l users-file -d 'Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l concurrency -d 'How many users to fetch at once (with --users-file)' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l min -d 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider\'s config section' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l limit -l page-size -d 'Items per page (1 to 100) [default: 25]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l cursor -d 'Start at this cursor (a previous run\'s next_cursor)' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l max-items -d 'Stop after N items, following pages as needed' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l state-file -d 'Export only what is new since the last successful run with this file (created if missing)' -r -F
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l all -d 'Follow every page'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from get-transactions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from help" -f -a "get-balances" -d 'Every balance of one user (or of many, with --users-file)'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from help" -f -a "get-transactions" -d 'A user\'s transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand boca; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -f -a "get-balances" -d 'Every balance of the business account (all pages)'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -f -a "get-transactions" -d 'Transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand noah; and not __fish_seen_subcommand_from get-balances get-transactions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l page-size -d 'Items per page' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l min -d 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider\'s config section' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l page-size -l limit -d 'Items per page (1 to 100) [default: 20]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l page-token -l cursor -d 'Start at this page token (a previous run\'s next_cursor)' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l sort -d 'Order by creation time [default: desc]' -r -f -a "asc\t''
desc\t''"
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l max-items -d 'Stop after N items, following pages as needed' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l state-file -d 'Export only what is new since the last successful run with this file (created if missing)' -r -F
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l all -d 'Follow every page'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from get-transactions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from help" -f -a "get-balances" -d 'Every balance of the business account (all pages)'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from help" -f -a "get-transactions" -d 'Transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand noah; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l otp -d 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -f -a "get-balances" -d 'Every asset account\'s balance (all pages)'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -f -a "get-card-balances" -d 'Every card\'s balance (all pages)'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -f -a "get-transactions" -d 'An account\'s transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -f -a "get-card-transactions" -d 'Card transactions, of one card or all: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and not __fish_seen_subcommand_from get-balances get-card-balances get-transactions get-card-transactions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l page-size -d 'Items per page (every page is followed)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l min -d 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider\'s config section' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l otp -d 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l page-size -d 'Items per page (every page is followed)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l min -d 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider\'s config section' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l otp -d 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l account -d 'The asset account id (from get-balances\' account_id)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l page-size -l limit -d 'Items per page (1 to 500)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l page -l cursor -d 'Start at this page number (a previous run\'s next_cursor)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l max-items -d 'Stop after N items, following pages as needed' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l state-file -d 'Export only what is new since the last successful run with this file (created if missing)' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l otp -d 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l all -d 'Follow every page'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-transactions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l card -d 'Only this card (from get-card-balances\' account_id)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l from -d 'From this date or time (ISO 8601, UTC), e.g. 2026-03-01' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l to -d 'Up to this date or time (ISO 8601, UTC)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l page-size -l limit -d 'Items per page (1 to 500)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l page -l cursor -d 'Start at this page number (a previous run\'s next_cursor)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l max-items -d 'Stop after N items, following pages as needed' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l state-file -d 'Export only what is new since the last successful run with this file (created if missing)' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l otp -d 'A one-time code typed by hand, for a user without the TOTP shared secret (good for one command)' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l all -d 'Follow every page'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from get-card-transactions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from help" -f -a "get-balances" -d 'Every asset account\'s balance (all pages)'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from help" -f -a "get-card-balances" -d 'Every card\'s balance (all pages)'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from help" -f -a "get-transactions" -d 'An account\'s transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from help" -f -a "get-card-transactions" -d 'Card transactions, of one card or all: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand ibanera; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -f -a "get-balances" -d 'Every fiat and crypto balance of one user (or of many, with --users-file)'
complete -c balances -n "__fish_balances_using_subcommand p100; and not __fish_seen_subcommand_from get-balances help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l users-file -d 'Fetch every user id in FILE (one per line; `#` comments and blank lines skipped; `-` for stdin)' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l concurrency -d 'How many users to fetch at once (with --users-file)' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l min -d 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider\'s config section' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from get-balances" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from help" -f -a "get-balances" -d 'Every fiat and crypto balance of one user (or of many, with --users-file)'
complete -c balances -n "__fish_balances_using_subcommand p100; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand api" -l query -d 'A query parameter, percent-encoded for you (repeatable)' -r
complete -c balances -n "__fish_balances_using_subcommand api" -s X -l method -d 'GET or HEAD; no other method is sent' -r
complete -c balances -n "__fish_balances_using_subcommand api" -l otp -d 'Ibanera: a one-time code typed by hand, instead of the TOTP shared secret' -r
complete -c balances -n "__fish_balances_using_subcommand api" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand api" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand api" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand api" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand api" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand api" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand api" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand api" -s i -l include -d 'Print the status line and the response headers (credentials as ***) before the body'
complete -c balances -n "__fish_balances_using_subcommand api" -l paginate -d 'Follow the provider\'s pagination (Boca nextCursor, NOAH PageToken, Ibanera page numbers); each page\'s body on one line'
complete -c balances -n "__fish_balances_using_subcommand api" -l dry-run -d 'Print the request that would be sent (secrets as ***) and send nothing'
complete -c balances -n "__fish_balances_using_subcommand api" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand api" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand api" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand api" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand api" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand summary" -l provider -d 'Only these providers (repeatable)' -r -f -a "boca\t''
noah\t''
p100\t''
ibanera\t''"
complete -c balances -n "__fish_balances_using_subcommand summary" -l concurrency -d 'How many lookups to run at once' -r
complete -c balances -n "__fish_balances_using_subcommand summary" -l min -d 'Exit 10 when a balance of CURRENCY is below AMOUNT (repeatable; compared exactly); also `min = { CAD = "1000.00" }` in the provider\'s config section' -r
complete -c balances -n "__fish_balances_using_subcommand summary" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand summary" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand summary" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand summary" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand summary" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand summary" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand summary" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand summary" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand summary" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand summary" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand summary" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand summary" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand summary" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand sync" -l db -d 'The ledger: a SQLite file (created if missing) or a postgres:// URL' -r
complete -c balances -n "__fish_balances_using_subcommand sync" -l provider -d 'Only these providers (repeatable)' -r -f -a "boca\t''
noah\t''
p100\t''
ibanera\t''"
complete -c balances -n "__fish_balances_using_subcommand sync" -l concurrency -d 'How many users or accounts to sync at once' -r
complete -c balances -n "__fish_balances_using_subcommand sync" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand sync" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand sync" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand sync" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand sync" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand sync" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand sync" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand sync" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand sync" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand sync" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand sync" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand sync" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l db -d 'The ledger `sync` wrote: a SQLite file or a postgres:// URL' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l provider -d 'Only these providers (repeatable)' -r -f -a "boca\t''
noah\t''
p100\t''
ibanera\t''"
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l subject -d 'Only these users or accounts (repeatable; an account id matches too)' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l since -d 'Open at the snapshot at or before this time (RFC 3339 or YYYY-MM-DD) [default: the first]' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l until -d 'Close at the snapshot at or before this time [default: the latest]' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l basis -d 'The snapshot figure rolled forward [default: total where the provider has one, else available]' -r -f -a "total\t''
available\t''"
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l each -d 'One row per consecutive pair of snapshots (to find the window where a difference appeared)'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand export" -l db -d 'The ledger `sync` wrote: a SQLite file or a postgres:// URL' -r
complete -c balances -n "__fish_balances_using_subcommand export" -l format -d 'The journal\'s tool' -r -f -a "beancount\t''
hledger\t''
ledger\t''"
complete -c balances -n "__fish_balances_using_subcommand export" -l provider -d 'Only these providers (repeatable)' -r -f -a "boca\t''
noah\t''
p100\t''
ibanera\t''"
complete -c balances -n "__fish_balances_using_subcommand export" -l since -d 'Only transactions and snapshots from this time (RFC 3339 or YYYY-MM-DD)' -r
complete -c balances -n "__fish_balances_using_subcommand export" -l until -d 'Only transactions and snapshots up to this time' -r
complete -c balances -n "__fish_balances_using_subcommand export" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand export" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand export" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand export" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand export" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand export" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand export" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand export" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand export" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand export" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand export" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand export" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand doctor" -l provider -d 'Only these providers (repeatable) [default: those configured in the profile]' -r -f -a "boca\t''
noah\t''
p100\t''
ibanera\t''"
complete -c balances -n "__fish_balances_using_subcommand doctor" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand doctor" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand doctor" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand doctor" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand doctor" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand doctor" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand doctor" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand doctor" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand doctor" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand doctor" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand doctor" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand doctor" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -f -a "set" -d 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -f -a "delete" -d 'Remove a secret from the OS keyring'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -f -a "status" -d 'Where each credential comes from (never its value)'
complete -c balances -n "__fish_balances_using_subcommand auth; and not __fish_seen_subcommand_from set delete status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "set" -d 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Remove a secret from the OS keyring'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Where each credential comes from (never its value)'
complete -c balances -n "__fish_balances_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "init" -d 'Write a commented template to the config path'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "path" -d 'Print the config file\'s path'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "show" -d 'Print the effective configuration of the profile, secrets redacted'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "get" -d 'Print a key\'s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "set" -d 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "profiles" -d 'List the profiles of the config file'
complete -c balances -n "__fish_balances_using_subcommand config; and not __fish_seen_subcommand_from init path show get set profiles help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Overwrite an existing file'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented template to the config path'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective configuration of the profile, secrets redacted'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print a key\'s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "profiles" -d 'List the profiles of the config file'
complete -c balances -n "__fish_balances_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l listen -d 'Loopback address to listen on' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l seed -d 'Seed for the generated demo data' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l transactions -d 'Transactions in each user\'s history' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l users -d 'Generated users besides the seed examples (user-00001 ...)' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l rate-limit -d 'Answer 429 past N requests per second (`5` or `5/s`)' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l fail-rate -d 'Fail this fraction of requests with a 5xx (or p100 P501), e.g. 0.2' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l fail-first -d 'Fail the first N requests with a 5xx' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l throttle-first -d 'Answer the first N requests 429 with `Retry-After: 1`' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l now -d 'The sandbox\'s clock, pinned (RFC 3339 or Unix seconds): its living histories and balances, and its checks of timestamps and one-time codes [default: the wall clock]' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l hide-transaction -d 'Leave this transaction out of its listing while its balance still counts it (for `balances reconcile` to find)' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l latency-ms -d 'Delay every response by this many milliseconds' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l token-ttl -d 'Lifetime of Ibanera access tokens, in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand sandbox" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand sandbox" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand sandbox" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand completions" -l config -d 'Config file [default: <config dir>/balances/config.toml]' -r -F
complete -c balances -n "__fish_balances_using_subcommand completions" -l profile -d 'Profile in the config file [default: defaults.profile, else "default"]' -r
complete -c balances -n "__fish_balances_using_subcommand completions" -s o -l output -d 'Output format [default: table on a terminal, else json]' -r -f -a "table\t''
wide\t'A table with every column, as wide as its cells (kubectl\'s `-o wide`)'
json\t''
ndjson\t''
csv\t''
openmetrics\t'OpenMetrics text (balances only)'"
complete -c balances -n "__fish_balances_using_subcommand completions" -l base-url -d 'Provider base URL [env: BALANCES_<PROVIDER>_BASE_URL; default: profile, else production]' -r
complete -c balances -n "__fish_balances_using_subcommand completions" -l timeout -d 'Per-request timeout in seconds' -r
complete -c balances -n "__fish_balances_using_subcommand completions" -l retries -d 'Retries for GET requests on 429, 5xx, timeouts and connection errors' -r
complete -c balances -n "__fish_balances_using_subcommand completions" -l color -d 'Colour on stderr (NO_COLOR is honoured)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c balances -n "__fish_balances_using_subcommand completions" -l raw -d 'Print each provider response body on one line, compacted, instead of the unified schema'
complete -c balances -n "__fish_balances_using_subcommand completions" -l no-pager -d 'Never page a long table on a terminal [pager: BALANCES_PAGER, else PAGER, else less -FRX]'
complete -c balances -n "__fish_balances_using_subcommand completions" -s v -l verbose -d 'More logging on stderr (-v requests, -vv headers and signing input); env BALANCES_LOG'
complete -c balances -n "__fish_balances_using_subcommand completions" -s q -l quiet -d 'Only errors on stderr'
complete -c balances -n "__fish_balances_using_subcommand completions" -l sandbox -d 'Start the built-in sandbox in-process and use its demo credentials'
complete -c balances -n "__fish_balances_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "boca" -d 'Boca Raton Partner API (HMAC-signed)'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "noah" -d 'NOAH Business API (ES384/ES256 JWT per request)'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "ibanera" -d 'Ibanera Customer API (login + TOTP + bearer token)'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "p100" -d 'P100 Partner API (API key); balances only'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "api" -d 'A signed, authenticated GET (or HEAD) of any path of a provider\'s API, as `gh api`'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "summary" -d 'Every balance of every provider configured in the profile (and its `users`)'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "sync" -d 'Append balance snapshots and new transactions to a ledger database, exactly once'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "reconcile" -d 'Check that the ledger\'s transactions account for every change in its balances (exit 11 on a mismatch)'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "export" -d 'Write the ledger as a Beancount, hledger or Ledger journal, its snapshots as balance assertions'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "doctor" -d 'Check config, credentials\' sources, keyring, TLS and clock skew'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "auth" -d 'Store, remove or inspect credentials in the OS keyring'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "config" -d 'Create, locate or show the config file'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "sandbox" -d 'Run the built-in emulator of the provider APIs on loopback'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c balances -n "__fish_balances_using_subcommand help; and not __fish_seen_subcommand_from boca noah ibanera p100 api summary sync reconcile export doctor auth config sandbox completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from boca" -f -a "get-balances" -d 'Every balance of one user (or of many, with --users-file)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from boca" -f -a "get-transactions" -d 'A user\'s transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from noah" -f -a "get-balances" -d 'Every balance of the business account (all pages)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from noah" -f -a "get-transactions" -d 'Transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from ibanera" -f -a "get-balances" -d 'Every asset account\'s balance (all pages)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from ibanera" -f -a "get-card-balances" -d 'Every card\'s balance (all pages)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from ibanera" -f -a "get-transactions" -d 'An account\'s transactions: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from ibanera" -f -a "get-card-transactions" -d 'Card transactions, of one card or all: one page by default, --all for every page'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from p100" -f -a "get-balances" -d 'Every fiat and crypto balance of one user (or of many, with --users-file)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "set" -d 'Store a secret in the OS keyring (read from the terminal without echo, or from stdin)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "delete" -d 'Remove a secret from the OS keyring'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Where each credential comes from (never its value)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented template to the config path'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration of the profile, secrets redacted'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print a key\'s value from the config file (KEY: defaults.output, boca.base_url, profiles.prod.p100.users …)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set a key in the config file, keeping its comments and order (secrets: `balances auth set`)'
complete -c balances -n "__fish_balances_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'List the profiles of the config file'
