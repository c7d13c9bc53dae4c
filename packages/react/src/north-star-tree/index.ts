export { NorthStarTree } from './NorthStarTree';
export type { NorthStarLayout, NorthStarTreeProps } from './NorthStarTree';
export { useNorthStarTree, formatNodeValue } from './useNorthStarTree';
export type { NorthStarLeafModel, NorthStarNodeModel, NorthStarTreeModel, NorthStarTreeOptions } from './useNorthStarTree';
