// ClusterText: the compact cluster text of the display list must behave as
// the std::string it replaced wherever the stages read it.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "layout/page.h"

using namespace galley::layout;

TEST_CASE("cluster text keeps short and long text, across copies and moves") {
  CHECK(sizeof(Cluster) == 16);
  const std::string long_text = "a cluster longer than seven bytes";
  std::vector<Cluster> clusters{{0, 1, "a"}, {1, 2, long_text}, {3, 0, ""}, {3, 1, "\u00e9t\u00e9es"}};
  CHECK(clusters[0].text == "a");
  CHECK(clusters[1].text == long_text);
  CHECK(clusters[2].text.empty());
  CHECK(clusters[3].text.size() == 7);  // exactly the inline capacity

  std::vector<Cluster> copy = clusters;
  copy[0] = copy[1];
  copy[1] = std::move(copy[3]);
  copy[2].text = long_text.substr(0, 8);
  CHECK(copy[0].text == long_text);
  CHECK(copy[1].text == "\u00e9t\u00e9es");
  CHECK(copy[2].text == "a cluste");
  CHECK(clusters[1].text == long_text);  // the original is untouched

  std::string joined;
  for (const Cluster& c : clusters) joined += c.text;
  CHECK(joined == "a" + long_text + "\u00e9t\u00e9es");
}

TEST_CASE("cluster text converts to std::string where a string is taken") {
  const Cluster c{0, 1, "fi"};
  std::map<uint32_t, std::string> by_gid;
  by_gid.emplace(7u, c.text);
  std::vector<std::string> texts;
  texts.push_back(c.text);
  std::string assigned;
  assigned = c.text;
  CHECK(by_gid.at(7) == "fi");
  CHECK(texts.front() == "fi");
  CHECK(assigned == "fi");
  CHECK(assigned == c.text);
  CHECK(c.text != "f");
}
