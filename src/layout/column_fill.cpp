#include "detail/column_fill.h"

#include <algorithm>

namespace galley::layout {
namespace {

constexpr double kSlack = 0.01;  // points: rounding must not push a line over
// A block kept with the next one keeps at least this many of its lines (a
// heading above a single line reads as stranded, whatever the paragraph's
// own orphan setting allows).
constexpr size_t kKeptLines = 2;

struct Candidate {
  size_t placed_count = 0;
  Cursor next;
  double used = 0;
  size_t note_count = 0;
  double foot = 0;
};

ColumnEnd end_for(model::BreakKind kind) {
  switch (kind) {
    case model::BreakKind::Column: return ColumnEnd::Column;
    case model::BreakKind::Frame: return ColumnEnd::Frame;
    case model::BreakKind::Page: return ColumnEnd::Page;
  }
  return ColumnEnd::Page;
}

// The notes at a column's foot, stacked under the separator.
class Foot {
 public:
  Foot(std::vector<PlacedNoteLine>& lines, double separator) : lines_(lines), separator_(separator) {}

  double height() const { return height_; }
  void reset(size_t count, double height) {
    lines_.resize(count);
    height_ = height;
  }

  // Takes lines from the front of `queue` while the foot stays within
  // `room` (at least one when `one`); returns how many it took.
  size_t take(NoteCarry& queue, double room, bool one) {
    size_t taken = 0, done = 0;  // lines taken, notes finished
    while (done < queue.notes.size()) {
      const std::shared_ptr<const NoteLines>& note = queue.notes[done];
      if (queue.from >= note->lines.size()) {
        ++done;
        queue.from = 0;
        continue;
      }
      const Slice& line = note->lines[queue.from];
      const double cost = (lines_.empty() ? separator_ : 0) + (queue.from == 0 && !lines_.empty() ? line.gap_before : 0) +
                          line.height;
      if (height_ + cost > room + kSlack && !(one && taken == 0)) break;
      lines_.push_back({note, queue.from, 0});
      height_ += cost;
      ++taken;
      ++queue.from;
    }
    queue.notes.erase(queue.notes.begin(), queue.notes.begin() + static_cast<std::ptrdiff_t>(done));
    return taken;
  }

  // Positions the lines at the foot of a column `column` tall; returns the
  // separator's top.
  double set(double column) const {
    const double top = column - height_;
    double y = top + separator_;
    for (size_t i = 0; i < lines_.size(); ++i) {
      PlacedNoteLine& l = lines_[i];
      if (i > 0 && l.line == 0) y += l.note->lines[0].gap_before;
      l.y = y;
      y += l.note->lines[l.line].height;
    }
    return top;
  }

 private:
  std::vector<PlacedNoteLine>& lines_;
  double separator_;
  double height_ = 0;
};

// The measured notes of `b` that slice `s` references, in order.
NoteCarry notes_of(const MeasuredBlock& b, const Slice& s) {
  NoteCarry q;
  const size_t from = std::min(s.first_note, b.notes.size());
  const size_t to = std::min(from + s.notes.size(), b.notes.size());
  q.notes.assign(b.notes.begin() + static_cast<std::ptrdiff_t>(from), b.notes.begin() + static_cast<std::ptrdiff_t>(to));
  return q;
}

}  // namespace

ColumnFill fill_column(const BlockSource& blocks, size_t block_count, Cursor from, double height, double separator) {
  ColumnFill out;
  Foot foot(out.notes, separator);
  std::vector<Candidate> candidates;
  double y = 0, pending_after = 0;
  // Lines carried in from the column before come first, at least one.
  NoteCarry carry = std::move(from.carry);
  foot.take(carry, height, true);
  Cursor cur{from.block, from.slice, {}};
  bool kept = false;  // the block placed just before in this column keeps with this one

  const auto at = [&](Cursor c) {
    c.carry = carry;
    return c;
  };
  const auto done = [&](ColumnEnd end) {
    out.end = end;
    if (!out.notes.empty()) {
      out.rule_y = foot.set(height);
      out.used = height;
    }
    return out;
  };
  auto finish_at_last_candidate = [&](Cursor stuck) {
    if (!candidates.empty()) {
      const Candidate& c = candidates.back();
      out.placed.resize(c.placed_count);
      foot.reset(c.note_count, c.foot);
      out.next = c.next;
      out.used = c.used;
    } else {
      // No legal break in what fits: break where it stopped rather than
      // leave the column empty (progress beats the rule).
      out.next = at(stuck);
      out.used = y;
    }
    return done(ColumnEnd::Full);
  };

  while (cur.block < block_count) {
    const MeasuredBlock& b = blocks(cur.block);
    if (b.forced) {
      kept = false;
      Cursor after{cur.block + 1, 0, {}};
      if (!out.placed.empty()) {
        out.next = at(after);
        out.used = y;
        return done(end_for(*b.forced));
      }
      cur = after;
      continue;
    }
    const size_t n = b.slices.size();
    if (cur.slice >= n) {
      cur = {cur.block + 1, 0, {}};
      continue;
    }
    const size_t min_lines = kept && cur.slice == 0 ? kKeptLines : 0;
    double head = 0;
    if (cur.slice > 0 && out.placed.empty())
      for (const Slice& s : b.repeat_head) head += s.height;
    bool head_placed = false;
    for (size_t i = cur.slice; i < n; ++i) {
      const Slice& s = b.slices[i];
      const bool top = out.placed.empty();
      const double gap = top ? 0 : pending_after + s.gap_before;
      const double extra = head_placed ? 0 : head;
      const double need = gap + extra + s.height;
      // A reference waits while a note is carried out of this column; its
      // line goes only with the start of its notes.
      bool fits = y + need + foot.height() <= height + kSlack;
      NoteCarry notes;
      if (fits && !s.notes.empty()) {
        notes = notes_of(b, s);
        fits = carry.empty() && (notes.empty() || foot.take(notes, height - y - need, false) > 0);
      }
      if (!fits) {
        if (!top) return finish_at_last_candidate({cur.block, i, {}});
        // Below notes carried in, the column is full.
        if (!out.notes.empty()) {
          out.next = at({cur.block, i, {}});
          out.used = y;
          return done(ColumnEnd::Full);
        }
        out.overfull = true;
        // Alone and too tall: its notes go on to the next column whole.
        if (notes.empty() && carry.empty()) notes = notes_of(b, s);
      }
      if (!notes.empty()) carry = std::move(notes);  // carry was empty: a reference waits otherwise
      if (extra > 0) {
        double hy = y;
        for (size_t h = 0; h < b.repeat_head.size(); ++h) {
          out.placed.push_back({cur.block, h, hy, true});
          hy += b.repeat_head[h].height;
        }
        head_placed = true;
      }
      out.placed.push_back({cur.block, i, y + gap + extra});
      y += need;
      pending_after = 0;
      if (out.overfull) {
        out.next = at(i + 1 < n ? Cursor{cur.block, i + 1, {}} : Cursor{cur.block + 1, 0, {}});
        out.used = y;
        return done(out.next.block >= block_count && carry.empty() ? ColumnEnd::FlowEnd : ColumnEnd::Full);
      }
      if (i + 1 < n) {
        if (s.break_after && i + 1 >= min_lines)
          candidates.push_back({out.placed.size(), at({cur.block, i + 1, {}}), y, out.notes.size(), foot.height()});
      } else {
        pending_after = b.space_after;
        if (!b.keep_with_next)
          candidates.push_back({out.placed.size(), at({cur.block + 1, 0, {}}), y, out.notes.size(), foot.height()});
      }
    }
    kept = b.keep_with_next;
    cur = {cur.block + 1, 0, {}};
  }
  out.next = at(cur);
  out.used = y;
  return done(carry.empty() ? ColumnEnd::FlowEnd : ColumnEnd::Full);
}

}  // namespace galley::layout
