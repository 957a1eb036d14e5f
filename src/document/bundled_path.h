// Where the files bundled with the program are found when the user names none: the agreement
// packages (data/agreements/ID) and the web pages (web).
#pragma once

#include <string>

namespace treaty::document {

// `relative` (a path relative to the project folder, "data/agreements/lv-ua-2024") as found: in
// the current folder when it is there, else in the folder above the program's own (the project
// folder, for build/treaty), so that the program runs from any folder; else `relative` itself, for
// the error that names it.
std::string BundledPath(const std::string& relative);

// `path` (a file found through BundledPath, or any other) named relative to the folder whose
// bundled data holds it: the folder above the nearest `data` folder with `agreements/` that holds
// it ("data/reference/latvia-gdp.csv", whatever the current folder and however the package was
// named), else the current folder or the project folder, each when it has a `data` folder; else
// as given. A citation of a bundled file then reads the same wherever the program runs, and names
// no folder of the machine it runs on.
std::string BundledName(const std::string& path);

}  // namespace treaty::document
