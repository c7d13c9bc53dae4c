import { libraryConfig } from '@kpikit/build-config/rollup';

export default libraryConfig();
