// `treaty serve`: the dashboard and JSON API (src/views/http).
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "views/cli/commands.h"
#include "views/cli/ledger_setup.h"
#include "views/cli/subcommands.h"
#include "views/http/application.h"
#include "views/http/client_address.h"
#include "views/http/ledger_database.h"
#include "views/http/server.h"

namespace treaty::views {
namespace {

struct ServeOptions {
  http::SiteOptions site;
  std::string listen = "127.0.0.1:8080";
  int threads = 2;
  int read_timeout_ms = 10000;
  bool quiet = false;  // no request log
  bool insecure_cookies = false;
  std::vector<std::string> trusted_proxies;
};

int RunServe(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  Result<std::pair<std::string, unsigned short>> listen = http::ParseListenAddress(options.listen);
  if (!listen.ok()) {
    err << "treaty serve: " << listen.error().ToString() << " (treaty serve --help)\n";
    return kExitBadInput;
  }
  // Listening first: a port in use is refused before the application makes the accounts' tables.
  http::ServerOptions server_options;
  server_options.address = listen.value().first;
  server_options.port = listen.value().second;
  server_options.threads = options.threads;
  server_options.read_timeout = std::chrono::milliseconds(options.read_timeout_ms);
  server_options.trusted_proxies = {options.trusted_proxies.begin(), options.trusted_proxies.end()};
  Result<std::unique_ptr<http::Server>> server = http::Server::Listen(server_options);
  if (!server.ok()) {
    err << "treaty serve: " << server.error().ToString() << "\n";
    return kExitBadInput;
  }
  // A mistyped file would be served as an empty ledger, and made.
  std::error_code ec;
  if (!http::IsPostgresUrl(options.site.db) && !std::filesystem::exists(options.site.db, ec)) {
    err << "treaty serve: " << options.site.db
        << ": no such database (treaty load, record or import makes it)\n";
    return kExitBadInput;
  }
  http::SiteOptions site = options.site;
  site.secure_cookies = !options.insecure_cookies;
  Result<std::unique_ptr<http::Application>> app =
      http::Application::Create(site, options.quiet ? nullptr : &std::cerr);
  if (!app.ok()) {
    err << "treaty serve: " << app.error().ToString() << "\n";
    return kExitBadInput;
  }
  const std::string host = server_options.address.find(':') != std::string::npos
                               ? "[" + server_options.address + "]"
                               : server_options.address;
  out << "serving " << app.value()->site().agreement_id() << " on http://" << host << ":"
      << server.value()->port() << "/" << std::endl;
  server.value()->Run(*app.value(), true);
  out << "stopped" << std::endl;
  return kExitOk;
}

}  // namespace

Subcommand AddServeSubcommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand(
      "serve", "Serve the dashboard and the JSON API (/api/v1/openapi.json) until SIGTERM");
  command->add_option("--db", options->site.db, "ledger: SQLite file or postgresql:// URL")
      ->capture_default_str();
  command->add_option(
      "--accounts-db", options->site.accounts_db,
      "users, tokens, sessions and reviews: SQLite file or postgresql:// URL (default: --db)");
  command->add_option("--listen", options->listen, "HOST:PORT (port 0: any free port)")
      ->capture_default_str();
  AddAgreementOptions(*command, options->site.agreement, options->site.package);
  command->add_option("--keys", options->site.keys_file,
                      "keys file (default PACKAGE/ledger/keys.json)");
  command->add_option("--key", options->site.key_files,
                      "private key file of an institution the server signs for (repeat; default "
                      "PACKAGE/ledger/demo-key.json)");
  command->add_option("--web", options->site.web_root,
                      "folder with templates/ and static/ (default: the bundled web)");
  command->add_option("--threads", options->threads, "server threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  command
      ->add_option("--read-timeout-ms", options->read_timeout_ms,
                   "drop a client that has not sent a whole request within this time")
      ->capture_default_str()
      ->check(CLI::Range(100, 600000));
  command->add_option("--trusted-proxy", options->trusted_proxies,
                      "IP address or CIDR range (10.0.0.0/8) of reverse proxies whose "
                      "X-Forwarded-For names the client, for the request log and the sign-in "
                      "limits per client (repeat for each; a range must hold proxies only)");
  command->add_flag("--quiet", options->quiet, "no JSON-lines request log on stderr");
  command->add_flag(
      "--insecure-cookies", options->insecure_cookies,
      "leave out the Secure attribute of the session cookie (plain HTTP off localhost)");
  return {command,
          [options](std::ostream& out, std::ostream& err) { return RunServe(*options, out, err); }};
}

}  // namespace treaty::views
