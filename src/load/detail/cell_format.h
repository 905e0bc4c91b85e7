// `format:` of a table column or a chart (docs/format.md): `number`, or
// {type, decimals, grouping, style}.
#pragma once
#include "yaml_tree.h"

#include <string_view>

#include "model/cell_format.h"
#include "reader.h"

namespace galley::load {

// `owner` names what the format belongs to in messages: "a column".
void read_cell_format(Reader& r, const Node& v, model::CellFormat& f, std::string_view owner);

}  // namespace galley::load
