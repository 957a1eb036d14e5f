#include "views/http/page.h"

#include "text/language.h"
#include "views/http/status_service.h"

namespace treaty::http {

void SetTemplateRoot(const std::string& web_root) {
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(web_root + "/templates");
}

void CarryAt(const RequestContext& context, ctemplate::TemplateDictionary& dictionary) {
  const auto query = context.request.Query();
  const auto at = query.find("at");
  if (at == query.end() || at->second.empty() || !RequestedMoment(at->second).ok()) return;
  dictionary.SetValue("AT_QUERY", "?at=" + PercentEncode(at->second));
  dictionary.SetValueAndShowSection("AT_VALUE", at->second, "CARRIES_AT");
}

HttpResponse RenderPage(const RequestContext& context, const std::string& nav,
                        const std::string& title, const std::string& body_template,
                        const ctemplate::TemplateDictionary& body, int status) {
  ctemplate::TemplateDictionary layout("layout");
  CarryAt(context, layout);
  layout.SetValue("TITLE", title);
  // The pages that show a moment's status name it in their title, for a tab, a bookmark or a
  // print of a day gone by.
  if (status == 200 &&
      (nav == "overview" || nav == "commitments" || nav == "calendar" || nav == "consultations")) {
    layout.ShowSection("TITLE_AT");
  }
  layout.ShowSection("NAV_" + nav);
  if (context.user) {
    ctemplate::TemplateDictionary* user = layout.AddSectionDictionary("SIGNED_IN");
    user->SetValue("USER_NAME", context.user->name);
    user->SetValue("USER_ROLE", std::string(RoleName(context.user->role)));
    user->SetValue("USER_INSTITUTION", context.user->institution);
    user->SetValue("CSRF", context.csrf);
    if (context.user->role == Role::kRecorder) user->ShowSection("RECORDER");
  } else {
    layout.ShowSection("SIGNED_OUT");
  }
  std::string content;
  if (!ctemplate::ExpandTemplate(body_template, ctemplate::DO_NOT_STRIP, &body, &content)) {
    return ProblemPage(500, "a page template is missing");
  }
  // The body was escaped as it was expanded; the layout inserts it as it is.
  layout.SetValue("CONTENT", content);
  HttpResponse response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  if (!ctemplate::ExpandTemplate("layout.tpl", ctemplate::DO_NOT_STRIP, &layout, &response.body)) {
    return ProblemPage(500, "a page template is missing");
  }
  return response;
}

HttpResponse ProblemPage(int status, std::string_view message) {
  const std::string heading = std::to_string(status) + " " + std::string(StatusReason(status));
  HttpResponse response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  // In the site's layout with its navigation, but no account: the problem may come before the
  // caller is known.
  ctemplate::TemplateDictionary problem("problem");
  problem.SetValue("HEADING", heading);
  problem.SetValue("MESSAGE", std::string(message));
  std::string content;
  ctemplate::TemplateDictionary layout("layout");
  layout.SetValue("TITLE", heading);
  if (ctemplate::ExpandTemplate("problem.tpl", ctemplate::DO_NOT_STRIP, &problem, &content)) {
    layout.SetValue("CONTENT", content);
    if (ctemplate::ExpandTemplate("layout.tpl", ctemplate::DO_NOT_STRIP, &layout, &response.body)) {
      return response;
    }
  }
  // Without the templates, a page of its own, escaped by hand.
  std::string escaped;
  for (char c : message) {
    switch (c) {
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '&':
        escaped += "&amp;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += c;
    }
  }
  response.body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                  heading +
                  "</title><link rel=\"stylesheet\" href=\"/static/site.css\"></head><body><main>"
                  "<h1>" +
                  heading + "</h1><p>" + escaped +
                  "</p><p><a href=\"/\">Overview</a></p></main></body></html>\n";
  return response;
}

HttpResponse Redirect(const std::string& location) {
  HttpResponse response;
  response.status = 303;
  response.headers.emplace_back("Location", location);
  return response;
}

std::string LocalPath(const std::string& next) {
  // A path of this site only: one leading '/', no second '/' or '\\' that a browser would read
  // as another host, no control character (a header break, or a tab browsers drop), not too long
  // for a header.
  constexpr size_t kMaxLength = 2048;
  if (next.empty() || next.size() > kMaxLength || next.front() != '/' ||
      (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) {
    return "/";
  }
  for (char c : next) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') return "/";
  }
  return next;
}

std::string LanguageName(const std::string& code) {
  if (code == "en") return "English";
  if (code == "lv") return "Latviešu";
  if (code == "uk") return "Українська";
  return code;
}

void AddOptions(ctemplate::TemplateDictionary& dict, const std::string& section,
                const std::vector<std::pair<std::string, std::string>>& options,
                const std::set<std::string>& selected) {
  for (const auto& [value, label] : options) {
    ctemplate::TemplateDictionary* option = dict.AddSectionDictionary(section);
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", label);
    if (selected.contains(value)) option->SetValue("SELECTED", "selected");
  }
}

void AddOptions(ctemplate::TemplateDictionary& dict, const std::string& section,
                const std::vector<std::pair<std::string, std::string>>& options,
                const std::string& selected) {
  AddOptions(dict, section, options, std::set<std::string>{selected});
}

std::string TextParagraphId(const std::string& language, const std::string& eid) {
  return language + "." + eid;
}

void AddMarkedPieces(ctemplate::TemplateDictionary& dict, const std::string& text,
                     const std::vector<MarkedRange>& marks) {
  size_t at = 0;
  for (const MarkedRange& mark : marks) {
    if (mark.begin < at || mark.end > text.size() || mark.begin >= mark.end) continue;
    if (mark.begin > at) {
      dict.AddSectionDictionary("PIECE")->AddSectionDictionary("PLAIN")->SetValue(
          "TEXT", text.substr(at, mark.begin - at));
    }
    ctemplate::TemplateDictionary* marked =
        dict.AddSectionDictionary("PIECE")->AddSectionDictionary("MARK");
    marked->SetValue("TEXT", text.substr(mark.begin, mark.end - mark.begin));
    marked->SetValue("KIND", mark.kind);
    at = mark.end;
  }
  if (at < text.size()) {
    dict.AddSectionDictionary("PIECE")->AddSectionDictionary("PLAIN")->SetValue("TEXT",
                                                                                text.substr(at));
  }
}

std::string PrevailingCode(const Site& site) {
  const auto& prevailing = site.agreement().package.prevailing_language;
  return prevailing ? std::string(text::LanguageCode(*prevailing)) : "";
}

void AddIdParts(const std::string& id, ctemplate::TemplateDictionary& dict) {
  dict.SetValue("ID", id);
  for (size_t begin = 0; begin < id.size();) {
    const size_t found = id.find("__", begin);
    const size_t end = found == std::string::npos ? id.size() : found + 2;
    dict.AddSectionDictionary("ID_PART")->SetValue("TEXT", id.substr(begin, end - begin));
    begin = end;
  }
}

std::vector<std::pair<std::string, std::string>> PartyOptions(const Site& site) {
  std::vector<std::pair<std::string, std::string>> options;
  for (const std::string& code : site.participants()) options.emplace_back(code, code);
  options.emplace_back("both", "both");
  return options;
}

}  // namespace treaty::http
