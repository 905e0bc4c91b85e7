// The pages for people: GET / lists the templates, GET /t/{id} is a form
// for one. Plain HTML with inline CSS: no script, no external asset, and
// the browser's own validation from the variables' constraints.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "catalog.h"
#include "problem.h"

namespace galley::serve {

std::string html_escape(std::string_view s);
std::string index_page(const std::vector<std::shared_ptr<const Template>>& templates);
std::string form_page(const Template& t);
// Asks for the access token (--token-file); posts it with `next`, the page
// to go on to. `refused`: the last token sent was wrong.
std::string login_page(const std::string& next, bool refused);
// A refused form submission, for a browser that asked for HTML.
std::string problem_page(const Problem& p, const std::string& back);

}  // namespace galley::serve
