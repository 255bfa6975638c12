// The newer Ranker (<List> + <Ranker>, optional <Bucket>s) as a drag-and-drop list (ADR 0035): @dnd-kit with its
// pointer and keyboard sensors (Space picks an item up, arrows move it, Space drops; its live region announces
// each step), and a "move to" menu per item when there are buckets.
import { useMemo, useState } from 'react';
import {
  DndContext, KeyboardSensor, PointerSensor, closestCenter, useDroppable, useSensor, useSensors,
  type DragEndEvent, type DragOverEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { OwnControl } from '../bridge';
import { columnOf, moveItem, type ListItem, type RankerModel } from './ranker';

const COLUMN = 'column:';

export function RankerList({ ranker, items, model, onChange, disabled }: {
  ranker: OwnControl;
  items: ListItem[];
  model: RankerModel;
  onChange: (m: RankerModel) => void;
  disabled: boolean;
}) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const [dragging, setDragging] = useState<string | null>(null);
  const several = model.columns.length > 1;

  function target(overId: string): { column: string; index: number } | null {
    // columns are droppable as "column:<id>", so that an item may have a bucket's name as its id
    if (overId.startsWith(COLUMN)) {
      const column = overId.slice(COLUMN.length);
      return column in model.itemIds ? { column, index: model.itemIds[column].length } : null;
    }
    const column = columnOf(model, overId);
    return column ? { column, index: model.itemIds[column].indexOf(overId) } : null;
  }

  // across columns while dragging, so that the item shows where it will land
  function onDragOver(e: DragOverEvent) {
    const id = String(e.active.id);
    const over = e.over ? target(String(e.over.id)) : null;
    if (!over || columnOf(model, id) === over.column) return;
    onChange(moveItem(model, id, over.column, over.index));
  }

  function onDragEnd(e: DragEndEvent) {
    setDragging(null);
    const id = String(e.active.id);
    const over = e.over ? target(String(e.over.id)) : null;
    if (!over) return;
    const from = columnOf(model, id);
    if (from === over.column && model.itemIds[from].indexOf(id) === over.index) return;
    onChange(moveItem(model, id, over.column, over.index));
  }

  return (
    <div className="ranker" data-testid={`ranker-${ranker.name}`}>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragStart={(e) => setDragging(String(e.active.id))} onDragOver={onDragOver} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div className="ranker-columns">
          {model.columns.map((c) => (
            <RankerColumn key={c.id} id={c.id} title={c.title}>
              <SortableContext items={model.itemIds[c.id] ?? []} strategy={verticalListSortingStrategy} disabled={disabled}>
                {(model.itemIds[c.id] ?? []).map((id, index) => (
                  <RankerItem key={id} id={id} item={byId.get(id)} index={index} active={dragging === id} disabled={disabled}>
                    {several && (
                      <select
                        aria-label={`Move "${byId.get(id)?.title || id}" to`}
                        value={c.id}
                        disabled={disabled}
                        onChange={(e) => onChange(moveItem(model, id, e.target.value, Number.MAX_SAFE_INTEGER))}
                        data-testid={`ranker-move-${id}`}
                      >
                        {model.columns.map((o) => <option key={o.id} value={o.id}>{o.title || o.id}</option>)}
                      </select>
                    )}
                  </RankerItem>
                ))}
              </SortableContext>
            </RankerColumn>
          ))}
        </div>
      </DndContext>
    </div>
  );
}

function RankerColumn({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN}${id}` });
  return (
    <section ref={setNodeRef} className={`ranker-column htx-ranker-column${isOver ? ' over' : ''}`} data-testid={`ranker-column-${id}`}>
      <h3>{title || id}</h3>
      <ol>{children}</ol>
    </section>
  );
}

function RankerItem({ id, item, index, active, disabled, children }: {
  id: string; item: ListItem | undefined; index: number; active: boolean; disabled: boolean; children: React.ReactNode;
}) {
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id, disabled });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`ranker-item htx-ranker-item${active ? ' dragging' : ''}`}
      data-testid={`ranker-item-${id}`}
      data-index={index}
    >
      <button type="button" className="ranker-handle" aria-label={`Drag "${item?.title || id}"`} {...attributes} {...listeners} data-testid={`ranker-handle-${id}`}>⠿</button>
      <div className="ranker-text">
        <strong>{item?.title || id}</strong>
        {item?.body && <div className="muted small">{item.body}</div>}
      </div>
      {children}
    </li>
  );
}
