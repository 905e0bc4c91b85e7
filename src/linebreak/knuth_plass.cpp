#include "detail/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace galley::linebreak {
namespace {

constexpr double kAwful = std::numeric_limits<double>::infinity();
constexpr int kDecent = 2;

// Running totals over items [0, i), so a line's sums are two subtractions;
// one record per item, so a line's figures are two cache lines and the
// totals one allocation.
struct Sums {
  struct Total {
    double width = 0, stretch = 0, shrink = 0, box = 0;
    int fil = 0;
  };
  std::vector<Total> at;

  explicit Sums(const std::vector<Item>& items) : at(items.size() + 1) {
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      const bool counts = it.kind != Item::Penalty;
      const bool glue = it.kind == Item::Glue;
      const Total& t = at[i];
      Total& n = at[i + 1];
      n.width = t.width + (counts ? it.width : 0);
      n.stretch = t.stretch + (glue ? it.stretch : 0);
      n.shrink = t.shrink + (glue ? it.shrink : 0);
      n.box = t.box + (it.kind == Item::Box ? it.width : 0);
      n.fil = t.fil + (glue && it.fil ? 1 : 0);
    }
  }
};

struct Extent {
  double natural, stretch, shrink;
  bool fil;
};

bool is_forced(const Item& it) { return it.kind == Item::Penalty && it.penalty <= -kInfPenalty; }

Extent measure(const std::vector<Item>& items, const Sums& s, size_t start, size_t b,
             double background, double expansion) {
  const double extra = items[b].kind == Item::Penalty ? items[b].width : 0;
  const Sums::Total& e = s.at[b];
  const Sums::Total& f = s.at[start];
  const double font = expansion * (e.box - f.box + extra);
  return {e.width - f.width + extra - line_hang(items, start, b), e.stretch - f.stretch + background + font,
          e.shrink - f.shrink + font, e.fil - f.fil > 0};
}

bool legal_break(const std::vector<Item>& items, size_t i, bool hyphenation) {
  const Item& it = items[i];
  if (it.kind == Item::Penalty)
    return it.penalty < kInfPenalty && (hyphenation || !it.hyphenation);
  if (it.kind == Item::Glue) return it.breakable && i > 0 && items[i - 1].kind == Item::Box;
  return false;
}

struct Node {
  size_t pos = 0, start = 0;  // the break, and the first item of the line after it
  int line = 0;               // lines before this break
  int fitness = kDecent;
  bool flagged = false;
  int hyphens = 0;            // consecutive lines ending at a flagged break, this one included
  double total = 0;
  int prev = -1;
};

struct Candidate {
  int line, fitness, hyphens;
  double total;
  int prev;
};

// The measure of every line the paragraph can have (each ends at its own
// legal break), looked up rather than called per active node per break.
// From line `easy` on every line has the same measure, so nodes there have
// the same future whatever their line number: TeX's easy_line. Keeping one
// node per line number instead lets the final pass, which accepts lines of
// any looseness, keep a node for every line count a prefix can be set in:
// quadratic in the paragraph's length.
struct Widths {
  std::vector<double> w;  // lines [0, easy]
  size_t easy = 0;
  double operator()(int line) const { return w[std::min(static_cast<size_t>(line), easy)]; }
};

Widths line_widths(const std::vector<Item>& items, const std::function<double(int)>& width,
                   bool hyphenation) {
  size_t lines = 0;
  for (size_t i = 0; i < items.size(); ++i) lines += legal_break(items, i, hyphenation);
  Widths out;
  out.w.reserve(std::max<size_t>(lines, 1));
  for (size_t l = 0; l < std::max<size_t>(lines, 1); ++l) out.w.push_back(width(static_cast<int>(l)));
  out.easy = out.w.size() - 1;
  while (out.easy > 0 && out.w[out.easy - 1] == out.w[out.easy]) --out.easy;
  out.w.resize(out.easy + 1);
  return out;
}

// Candidates at one break, deduplicated by the state that decides their
// future: line (up to easy_line), fitness class and hyphen run. Slots are
// flat tables reset only where used, so a break costs O(active nodes).
class CandidateSet {
 public:
  CandidateSet(size_t easy, int max_hyphen_run)
      : runs_(max_hyphen_run > 0 ? max_hyphen_run + 1 : 1), easy_(easy),
        slot_((easy + 1) * runs_ * 4, -1), best_((easy + 1) * runs_, kAwful) {}

  void offer(const Candidate& c) {
    int& s = slot_[group(c) * 4 + static_cast<size_t>(c.fitness)];
    if (s < 0) {
      s = static_cast<int>(list_.size());
      list_.push_back(c);
    } else if (c.total < list_[static_cast<size_t>(s)].total) {
      list_[static_cast<size_t>(s)] = c;
    }
  }

  // The candidates worth a node, in the order first offered: a fitness class
  // more than `margin` worse than the best with the same future can never
  // catch up (TeX's pruning with adj_demerits).
  template <typename F>
  void take(double margin, F&& make_node) {
    for (const Candidate& c : list_) best_[group(c)] = std::min(best_[group(c)], c.total);
    for (const Candidate& c : list_)
      if (c.total <= best_[group(c)] + margin) make_node(c);
    for (const Candidate& c : list_) {
      best_[group(c)] = kAwful;
      slot_[group(c) * 4 + static_cast<size_t>(c.fitness)] = -1;
    }
    list_.clear();
  }

  bool empty() const { return list_.empty(); }

 private:
  size_t group(const Candidate& c) const {
    // An artificial break may exceed the hyphen run; it is alone at its break.
    const size_t run = runs_ > 1 ? static_cast<size_t>(std::min(c.hyphens, runs_ - 1)) : 0;
    return std::min(static_cast<size_t>(c.line), easy_) * static_cast<size_t>(runs_) + run;
  }

  int runs_;
  size_t easy_;
  std::vector<int> slot_;
  std::vector<double> best_;
  std::vector<Candidate> list_;
};

// 100 r^3 without TeX's cap at 10000, bounded so squares stay finite.
double uncapped_badness(double shortfall, double stretch) {
  if (stretch <= 0) return 1e7;
  const double r = shortfall / stretch;
  return std::min(100 * r * r * r, 1e7);
}

double line_demerits(double bad, const Item& brk, const Params& p) {
  const double l = p.line_penalty + bad;
  double d = bad > kInfBad ? l * l : std::abs(l) >= 10000 ? 1e8 : l * l;
  if (brk.kind == Item::Penalty) {
    if (brk.penalty > 0) d += brk.penalty * brk.penalty;
    else if (brk.penalty > -kInfPenalty) d -= brk.penalty * brk.penalty;
  }
  return d;
}

Breakpoints backtrack(const std::vector<Node>& nodes, int best) {
  Breakpoints out;
  out.demerits = nodes[best].total;
  for (int n = best; nodes[n].prev >= 0; n = nodes[n].prev) out.at.push_back(nodes[n].pos);
  std::reverse(out.at.begin(), out.at.end());
  return out;
}

}  // namespace

double line_hang(const std::vector<Item>& items, size_t start, size_t b) {
  double hang = start < items.size() && items[start].kind == Item::Box ? items[start].hang_start : 0;
  const Item& brk = items[b];
  if (brk.kind == Item::Penalty && brk.width > 0) hang += brk.hang_end;
  else if (b > 0 && items[b - 1].kind == Item::Box) hang += items[b - 1].hang_end;
  return hang;
}

size_t line_start_after(const std::vector<Item>& items, size_t b) {
  size_t i = b + 1;
  while (i < items.size() && items[i].kind != Item::Box && !is_forced(items[i])) ++i;
  return i;
}

double badness(double shortfall, double stretch, double shrink, bool fil) {
  if (shortfall > 0) {
    if (fil) return 0;
    if (stretch <= 0) return kInfBad;
    const double r = shortfall / stretch;
    return std::min(100 * r * r * r, kInfBad);
  }
  if (shortfall < 0) {
    if (-shortfall > shrink + 1e-9) return kInfBad + 1;
    const double r = -shortfall / shrink;
    return std::min(100 * r * r * r, kInfBad);
  }
  return 0;
}

int fitness_class(double shortfall, double bad) {
  if (shortfall > 0) return bad > 99 ? 0 : bad > 12 ? 1 : kDecent;
  return bad > 12 ? 3 : kDecent;
}

Breakpoints knuth_plass(const std::vector<Item>& items, const std::function<double(int)>& width,
                        const Params& p) {
  if (items.empty()) return {};
  const Sums sums(items);
  const Widths widths = line_widths(items, width, p.hyphenation);
  std::vector<Node> nodes{Node{}};
  std::vector<int> active{0};
  std::vector<int> kept;
  CandidateSet cands(widths.easy, p.max_hyphen_run);

  for (size_t b = 0; b < items.size() && !active.empty(); ++b) {
    if (!legal_break(items, b, p.hyphenation)) continue;
    const Item& brk = items[b];
    const bool forced = is_forced(brk);
    const bool last = b + 1 == items.size();
    // Nodes made at the same break are adjacent in `active` and start the
    // same line; with the same measure that line's figures are shared.
    size_t from = items.size();
    double from_width = 0, shortfall = 0, bad = 0, line_d = 0;
    bool underfull = false, allowed = false;
    int fit = kDecent;
    kept.clear();
    for (size_t k = 0; k < active.size(); ++k) {
      const Node& a = nodes[static_cast<size_t>(active[k])];
      const double w = widths(a.line);
      if (a.start != from || w != from_width) {
        from = a.start;
        from_width = w;
        const Extent ln = measure(items, sums, a.start, b, p.background_stretch, p.expansion);
        shortfall = w - ln.natural;
        bad = badness(shortfall, ln.stretch, ln.shrink, ln.fil);
        // The final pass takes underfull lines too, priced by their real
        // badness, uncapped, so the slack is spread over the paragraph
        // rather than piled into a few lines; a word too long for the
        // measure gets a line of its own.
        underfull = bad > p.threshold && bad <= kInfBad;
        allowed = bad <= p.threshold || (p.final_pass && underfull);
        fit = fitness_class(shortfall, bad);
        if (allowed) line_d = line_demerits(underfull ? uncapped_badness(shortfall, ln.stretch) : bad, brk, p);
      }
      bool artificial = false;
      if (bad > kInfBad || forced) {
        // The node can reach no later break: drop it, unless it is the last
        // hope of the final pass (TeX's artificial_demerits).
        const bool alone = kept.empty() && k + 1 == active.size() && cands.empty();
        if (p.final_pass && alone && bad > kInfBad) artificial = true;
        else if (!allowed) continue;
      } else {
        kept.push_back(active[k]);
        if (!allowed) continue;
      }
      const int hyphens = brk.flagged ? a.hyphens + 1 : 0;
      if (!artificial && p.max_hyphen_run > 0 && hyphens > p.max_hyphen_run) continue;
      double d = 0;
      if (!artificial) {
        d = line_d;
        if (brk.flagged && a.flagged) d += p.double_hyphen_demerits;
        else if (last && a.flagged) d += p.final_hyphen_demerits;
        if (std::abs(fit - a.fitness) > 1) d += p.adj_demerits;
      }
      cands.offer({a.line + 1, artificial ? kDecent : fit, hyphens, a.total + d, active[k]});
    }
    active.swap(kept);
    if (cands.empty()) continue;
    const size_t start = line_start_after(items, b);
    cands.take(std::abs(p.adj_demerits), [&](const Candidate& c) {
      Node n;
      n.pos = b;
      n.start = start;
      n.line = c.line;
      n.fitness = c.fitness;
      n.flagged = brk.flagged;
      n.hyphens = c.hyphens;
      n.total = c.total;
      n.prev = c.prev;
      active.push_back(static_cast<int>(nodes.size()));
      nodes.push_back(n);
    });
  }

  int best = -1;
  for (int n : active)
    if (nodes[n].pos + 1 == items.size() && (best < 0 || nodes[n].total < nodes[best].total)) best = n;
  if (best < 0) return {};
  return backtrack(nodes, best);
}

Breakpoints greedy(const std::vector<Item>& items, const std::function<double(int)>& width,
                   double background_stretch) {
  Breakpoints out;
  if (items.empty()) return out;
  const Sums sums(items);
  size_t start = 0;
  int line = 0;
  bool have_fit = false;
  size_t last_fit = 0;
  const auto commit = [&](size_t b) {
    out.at.push_back(b);
    start = line_start_after(items, b);
    ++line;
    have_fit = false;
  };
  for (size_t b = 0; b < items.size(); ++b) {
    if (!legal_break(items, b, true)) continue;
    auto fits = [&] {
      const Extent ln = measure(items, sums, start, b, background_stretch, 0);
      return ln.natural - ln.shrink <= width(line) + 1e-9;
    };
    if (!fits() && have_fit) commit(last_fit);
    // Nothing fitted since the last break: this line is overfull whatever we do.
    if (!fits() && !have_fit) {
      commit(b);
      continue;
    }
    if (is_forced(items[b])) commit(b);
    else {
      have_fit = true;
      last_fit = b;
    }
  }
  return out;
}

}  // namespace galley::linebreak
