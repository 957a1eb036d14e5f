// One server application over a fresh ledger and accounts database, shared by the HTTP tests of
// a suite, with a user and an API token of each role.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "store/sqlite/search_index.h"
#include "views/http/application.h"

namespace treaty::test {

// The bytes a gzip member (RFC 1952) holds; at most 1 MiB.
inline std::string Gunzip(const std::string& gzip) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzip.data()));
  stream.avail_in = static_cast<uInt>(gzip.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return out;
}

class HttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    folder_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                        ("treaty-http-" + std::to_string(::getpid())));
    std::filesystem::remove_all(*folder_);
    std::filesystem::create_directories(*folder_);
    http::SiteOptions options;
    options.db = (*folder_ / "treaty.sqlite").string();
    options.package = std::string(TREATY_SOURCE_DIR) + "/data/agreements/lv-ua-2024";
    options.web_root = std::string(TREATY_SOURCE_DIR) + "/web";
    log_ = new std::ostringstream();
    Result<std::unique_ptr<http::Application>> app = http::Application::Create(options, log_);
    ASSERT_TRUE(app.ok()) << app.error().ToString();
    app_ = app.value().release();
    // The texts indexed for search, as `treaty load` indexes them.
    std::vector<store::SearchEntry> entries;
    for (const grammar::ExtractedText& version : app_->site().agreement().versions) {
      std::vector<store::SearchEntry> provisions =
          store::ProvisionEntries(app_->site().agreement_id(), version.doc);
      entries.insert(entries.end(), provisions.begin(), provisions.end());
    }
    Result<std::unique_ptr<store::SearchIndex>> index = store::SearchIndex::Open(options.db);
    ASSERT_TRUE(index.ok()) << index.error().ToString();
    ASSERT_TRUE(index.value()->ReplaceAgreement(app_->site().agreement_id(), entries).ok());
    tokens_ = new std::map<std::string, std::string>();
    struct Account {
      const char* name;
      http::Role role;
      const char* institution;
    };
    for (const Account& account :
         {Account{"rita", http::Role::kReader, ""},
          Account{"lauris", http::Role::kRecorder, "lv-mod"},
          Account{"olena", http::Role::kRecorder, "ua-mod"},
          Account{"vera", http::Role::kReviewer, ""}, Account{"ada", http::Role::kAdmin, ""}}) {
      Result<http::User> user = app_->site().accounts().AddUser(
          account.name, std::string(account.name) + "-password", account.role, account.institution);
      ASSERT_TRUE(user.ok()) << user.error().ToString();
      Result<http::NewToken> token =
          app_->site().accounts().CreateToken(account.name, "test", std::nullopt);
      ASSERT_TRUE(token.ok());
      (*tokens_)[account.name] = token.value().token;
    }
  }

  static void TearDownTestSuite() {
    delete app_;
    app_ = nullptr;
    delete log_;
    log_ = nullptr;
    std::error_code ec;
    std::filesystem::remove_all(*folder_, ec);
    delete folder_;
    delete tokens_;
  }

  // A request as `user` (by API token; empty: anonymous).
  static http::HttpResponse Send(const std::string& method, const std::string& target,
                                 const std::string& user = "", const std::string& body = "",
                                 const std::string& content_type = "application/json") {
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    request.remote = "127.0.0.1";
    if (!user.empty()) request.headers["authorization"] = "Bearer " + tokens_->at(user);
    if (!body.empty()) request.headers["content-type"] = content_type;
    request.body = body;
    return app_->Handle(request);
  }

  // Signs `user` in through the sign-in form; returns the Cookie header value.
  static std::string SignInCookie(const std::string& user) {
    http::HttpRequest request;
    request.method = "POST";
    request.target = "/signin";
    request.remote = "127.0.0.2";
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    request.body = "name=" + user + "&password=" + user + "-password&next=%2F";
    http::HttpResponse response = app_->Handle(request);
    for (const auto& [name, value] : response.headers) {
      if (name == "Set-Cookie") return value.substr(0, value.find(';'));
    }
    ADD_FAILURE() << "no session cookie for " << user;
    return "";
  }

  // A request in the session of `cookie` (SignInCookie), with a form's fields when given.
  static http::HttpResponse WithCookie(const std::string& method, const std::string& target,
                                       const std::string& cookie, const std::string& form = "") {
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    request.remote = "127.0.0.2";
    request.headers["cookie"] = cookie;
    if (!form.empty()) request.headers["content-type"] = "application/x-www-form-urlencoded";
    request.body = form;
    return app_->Handle(request);
  }

  // A POST of an HTML form's fields (`body`, URL-encoded) from `remote`.
  static http::HttpRequest FormPost(const std::string& target, const std::string& remote,
                                    const std::string& body) {
    http::HttpRequest request;
    request.method = "POST";
    request.target = target;
    request.remote = remote;
    request.headers["content-type"] = "application/x-www-form-urlencoded";
    request.body = body;
    return request;
  }

  // The request log's last line, as JSON.
  static nlohmann::json LastLogLine() {
    const std::string text = log_->str();
    const size_t end = text.find_last_not_of('\n');
    const size_t begin = text.rfind('\n', end);
    return nlohmann::json::parse(text.substr(begin == std::string::npos ? 0 : begin + 1));
  }

  // The response's header `name` (as the handler set it), or empty.
  static std::string Header(const http::HttpResponse& response, const std::string& name) {
    for (const auto& [key, value] : response.headers) {
      if (key == name) return value;
    }
    return "";
  }

  static int64_t TreeSize() {
    auto store = app_->site().ledgers().Acquire();
    auto state = store.value()->State(app_->site().agreement_id());
    return state.ok() && state.value() ? state.value()->tree_size : 0;
  }

  static std::string Disbursement(const std::string& description,
                                  const std::string& classification = "public") {
    nlohmann::json event = {{"type", "disbursement"},
                            {"participant", "LV"},
                            {"date", "2024-06-01"},
                            {"commitments", {"sec_2__hcontainer_1__para_2__sent_2"}},
                            {"amount", {{"currency", "EUR"}, {"minor_units", 150000050}}},
                            {"description", description},
                            {"evidence", nlohmann::json::array()},
                            {"classification", classification}};
    return event.dump();
  }

  // Records the event `body` as lauris, a recorder of lv-mod; the id the server gave it.
  static std::string RecordedId(const std::string& body) {
    const http::HttpResponse recorded = Send("POST", "/api/v1/events", "lauris", body);
    EXPECT_EQ(recorded.status, 201) << recorded.body;
    return recorded.status == 201 ? nlohmann::json::parse(recorded.body).value("id", "") : "";
  }

  static inline http::Application* app_ = nullptr;
  static inline std::filesystem::path* folder_ = nullptr;
  static inline std::ostringstream* log_ = nullptr;  // the request log
  static inline std::map<std::string, std::string>* tokens_ = nullptr;
};

}  // namespace treaty::test
