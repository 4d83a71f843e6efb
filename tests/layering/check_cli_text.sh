#!/bin/sh
# The CLI's wording lives in one catalogue (issue #14 §3, app/cli_text.cpp):
# - no file in host/src/app/ picks its words inline by language: no
#   `english ? …`, `en ? …`, `english_ ? …` (on one line or across a line
#   break) and no `if (english)` / `if (ctx.english)` / `if (en)` block; a
#   phrase goes into the catalogue and is read with cliWord(key, english), a
#   record's or plugin's own two labels go through http/label_language.h;
# - every key a file reads with cliWord("key", …) (also as either side of a
#   `cond ? "a" : "b"` first argument) is in the catalogue;
# - no failure path writes English past the catalogue: a string literal of two
#   English words in an sdk::Status refusal, a failureStatus() or a line sent
#   to the error stream. logging_config.cpp and app_context.cpp are read before
#   a command has its language; their English refusals have wordings in
#   http/refusal_text.cpp, and the CLI prints them through translatedMessage.
# Prints each offending file:line; exits 1 when there is one, 0 when none.
# Usage: check_cli_text.sh HOST_SRC_DIR
set -u
src=${1:?usage: check_cli_text.sh HOST_SRC_DIR}
cd "$src" || exit 2
files=$(find app -name '*.cpp' -o -name '*.h' | grep -v '^app/cli_text\.cpp$' | sort)
keys=$(sed -n 's/^ *{"\([a-z0-9_]*\)",.*/\1/p' app/cli_text.cpp)
status=0

# shellcheck disable=SC2086
out=$(KEYS="$keys" perl -e '
  my %key = map { $_ => 1 } split /\n/, $ENV{KEYS};
  my $bad = 0;
  for my $file (@ARGV) {
    open my $fh, "<", $file or die "$file: $!";
    local $/; my $text = <$fh>; close $fh;
    my $line_of = sub { my $at = shift; 1 + (substr($text, 0, $at) =~ tr/\n//) };
    my $flag = sub { printf "%s:%d: %s\n", $file, $line_of->($_[0]), $_[1]; $bad = 1 };
    my $code = $text;
    $code =~ s{//[^\n]*}{" " x length($&)}ge;    # comments out, offsets kept
    while ($code =~ /(?<![A-Za-z0-9_>])(?:ctx\.)?(?:english_?|en)(?:\(\))?\s*\?/g) {
      $flag->($-[0], "wording chosen inline; put it in app/cli_text.cpp and use cliWord()");
    }
    while ($code =~ /\bif\s*\(\s*(?:ctx\.)?(?:english_?|en)\s*\)/g) {
      $flag->($-[0], "wording chosen by an if on the language; put it in app/cli_text.cpp and use cliWord()");
    }
    while ($code =~ /\bcliWord\(((?:[^,()]|\([^()]*\))*)/g) {
      my ($arg, $at) = ($1, $-[0]);
      while ($arg =~ /(?:^|\?|:)\s*"([a-z0-9_]+)"/g) {
        $flag->($at, "cliWord key \"$1\" is not in app/cli_text.cpp") unless $key{$1};
      }
    }
    next if $file =~ m{^app/(logging_config|app_context)\.cpp$};
    my $english = qr/"[^"\n]*?\b[a-z]+ [a-z]+\b[^"\n]*"/;
    while ($code =~ /\b(?:Status::\w+|failureStatus)\(([^;]*?);/gs) {
      my ($call, $at) = ($1, $-[0]);
      $flag->($at, "English refusal past the catalogue; put it in app/cli_text.cpp and use cliWord()")
        if $call =~ $english;
    }
    while ($code =~ /\berr_?\s*<<([^;]*);/gs) {
      my ($chain, $at) = ($1, $-[0]);
      $flag->($at, "English error line past the catalogue; put it in app/cli_text.cpp and use cliWord()")
        if $chain =~ $english;
    }
  }
  exit $bad;
' $files)
rc=$?
if [ -n "$out" ]; then printf '%s\n' "$out"; fi
[ $rc -ne 0 ] && status=1
exit $status
