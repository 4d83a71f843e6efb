// DocxPackage: a Word document (.docx, Office Open XML) built from a
// template package. A package is a folder of templates in the
// TemplateRegistry whose name ends in ".docx/" ("summary/city_annual.docx/"),
// one template per part of the document, named by the part's path:
// "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"...
// Each part is rendered with XML escaping and stored under its path in a zip
// written with Poco::Zip::Compress ("[Content_Types].xml" first, the rest in
// name order). Like every template, a site override of a part replaces it.
// Stateless functions over a loaded registry; safe from several threads.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "beacon/sdk/status.h"
#include "render/template_registry.h"

namespace beacon::render {

// The package folders the registry holds ("summary/city_annual.docx/"), in name order.
std::vector<std::string> docxPackages(const TemplateRegistry& templates);

// Checks a package at start-up: it has "[Content_Types].xml", "_rels/.rels" and
// "word/document.xml", and every part rendered without data is well-formed XML.
// Fails naming the part's file.
sdk::Status validateDocxPackage(const TemplateRegistry& templates, const std::string& folder);

// Renders every part of `folder` (ending in "/") with `values` and zips them.
// Fails naming the part that did not render, or the folder when it holds no package.
sdk::Result<std::string> renderDocx(const TemplateRegistry& templates, const std::string& folder,
                                    const kainjow::mustache::data& values);

}  // namespace beacon::render
